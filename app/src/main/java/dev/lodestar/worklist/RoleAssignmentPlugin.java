package dev.lodestar.worklist;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies the role's assignment strategy to every new user task of every process, at parse
 * time, so that no diagram needs (or can forget) a listener.
 *
 * <p>Ordered first among the engine plugins: its create listener must run before the
 * notification module's, which then sees the assignee and leaves the telling to the
 * assignment event — so a task assigned by strategy mails its assignee once and its role
 * not at all, and a pool task mails the role once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RoleAssignmentPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<RoleAssigner> assigner;

	RoleAssignmentPlugin(ObjectProvider<RoleAssigner> assigner) {
		this.assigner = assigner;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener listener = task -> assigner.getObject().assign(task);
		configuration.getCustomPostBPMNParseListeners().add(0, new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
					.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
			}
		});
	}

}
