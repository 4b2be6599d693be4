package dev.lodestar.notification;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds the assignment and queue notifications to every user task of every process, at parse
 * time: process owners need not remember a listener in each diagram, and a diagram cannot
 * forget one.
 */
@Component
class TaskNotificationPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskNotifier> notifier;

	TaskNotificationPlugin(ObjectProvider<TaskNotifier> notifier) {
		this.notifier = notifier;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener listener = this::notify;
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
				definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
			}
		});
	}

	private void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> notifier.getObject().created(task);
			case TaskListener.EVENTNAME_ASSIGNMENT -> notifier.getObject().assigned(task);
			default -> {
			}
		}
	}

}
