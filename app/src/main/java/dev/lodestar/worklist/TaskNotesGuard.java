package dev.lodestar.worklist;

import java.lang.reflect.Field;
import java.util.ArrayList;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Comments and attachments need the right to see what they are about. Camunda adds a comment or
 * an attachment to any task or process instance whose id the caller names, without an
 * authorization check; a comment on a complaint's task is complaint data. So, on every path
 * ({@code /engine-rest}, Tasklist's API, Lodestar's own), a user's comment or attachment on a task
 * needs that task to be visible to the user (the engine's authorizations: a candidate, the
 * assignee, a manager of the process), and one on a process instance needs the instance to be
 * visible; {@code camunda-admin} and the engine's own code (no user) are not checked.
 */
@Component
class TaskNotesGuard extends AbstractProcessEnginePlugin {

	private static final String ADMIN = "camunda-admin";

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

	private static final class Guard extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
				Authentication actor = Context.getCommandContext().getAuthentication();
				if (actor != null && (actor.getGroupIds() == null || !actor.getGroupIds().contains(ADMIN))) {
					check(actor, (String) read(command, "taskId"), (String) read(command, "processInstanceId"));
				}
			}
			return next.execute(command);
		}

		private static void check(Authentication actor, String taskId, String processInstanceId) {
			var engine = Context.getProcessEngineConfiguration();
			// the queries run in this command context, with the caller's authorizations
			if (taskId != null) {
				if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
					throw new AuthorizationException(actor.getUserId() + " may not see task " + taskId
							+ ", so may not comment on it nor attach to it");
				}
				return;
			}
			if (processInstanceId != null
					&& engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
				throw new AuthorizationException(actor.getUserId() + " may not see process instance " + processInstanceId
						+ ", so may not comment on it nor attach to it");
			}
		}

		private static Object read(Object command, String name) {
			for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
				try {
					Field field = type.getDeclaredField(name);
					field.setAccessible(true);
					return field.get(command);
				}
				catch (NoSuchFieldException ex) {
					// look in the superclass
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return null;
		}

	}

}
