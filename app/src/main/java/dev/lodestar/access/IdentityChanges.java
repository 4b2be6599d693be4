package dev.lodestar.access;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A role given or taken, a user deleted or her password changed, through whatever door (Camunda
 * Admin, {@code /engine-rest}, Java): the log-ins that HTTP Basic remembers on this node are
 * forgotten at once, so the next request is judged with the new roles. (Sessions re-read their
 * roles on every request, see {@link SessionRoles}; another node's remembered Basic log-ins
 * expire within {@code lodestar.security.authentication-cache-ttl}.)
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

	private static final Set<Class<?>> CHANGES = Set.of(CreateMembershipCmd.class, DeleteMembershipCmd.class,
			DeleteUserCmd.class, DeleteGroupCmd.class, SaveUserCmd.class);

	private final ObjectProvider<CamundaIdentityAuthenticationProvider> logins;

	IdentityChanges(ObjectProvider<CamundaIdentityAuthenticationProvider> logins) {
		this.logins = logins;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new Forget());
	}

	private final class Forget extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			T result = next.execute(command);
			if (CHANGES.contains(command.getClass())) {
				var provider = logins.getIfAvailable();
				if (provider != null) {
					provider.forgetRememberedLogIns();
				}
			}
			return result;
		}

	}

}
