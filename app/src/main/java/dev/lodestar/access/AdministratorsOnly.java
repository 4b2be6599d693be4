package dev.lodestar.access;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.HistoricJobLogQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.FindHistoryCleanupJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetHistoricJobLogExceptionStacktraceCmd;
import org.camunda.bpm.engine.impl.cmd.GetUniqueTaskWorkerCountCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;
import org.springframework.stereotype.Component;

/**
 * What the engine tells about itself is the administrator's: its metrics (including who worked
 * tasks), the history-cleanup jobs and the job log (with the failures' stack traces). Camunda
 * lets every user read these; inside the engine, whatever API the question comes through
 * ({@code /engine-rest}, Camunda's web apps, Java), only {@code camunda-admin} gets an answer,
 * everybody else an {@link AuthorizationException} (403). The engine's own work, without a
 * user, is not affected.
 */
@Component
class AdministratorsOnly extends AbstractProcessEnginePlugin {

	private static final Set<Class<?>> QUESTIONS = Set.of(MetricsQueryImpl.class, GetUniqueTaskWorkerCountCmd.class,
			FindHistoryCleanupJobsCmd.class, HistoricJobLogQueryImpl.class, GetHistoricJobLogExceptionStacktraceCmd.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard());
		if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new Guard());
	}

	static boolean forAdministratorsOnly(Command<?> command) {
		return QUESTIONS.contains(command.getClass());
	}

	private static final class Guard extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (forAdministratorsOnly(command)) {
				Authentication actor = Context.getCommandContext().getAuthentication();
				if (actor != null && (actor.getGroupIds() == null || !actor.getGroupIds().contains(Roles.CAMUNDA_ADMIN))) {
					throw new AuthorizationException("The engine's metrics, history-cleanup jobs and job log are for "
							+ Roles.CAMUNDA_ADMIN + " only.");
				}
			}
			return next.execute(command);
		}

	}

}
