package dev.lodestar.worklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ProcessApi;

/**
 * A test-only stage rule inside the engine, as the lead module enforces its rules in task
 * listeners: budget 13 breaks a state rule, budget 14 an input rule.
 */
@ProcessApi
@Component("testLeadGuard")
class TestLeadGuard implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		Object budget = task.getVariable("budget");
		if (budget instanceof Number number && number.longValue() == 13) {
			throw new IllegalStateException("the lead cannot be qualified with an unlucky budget");
		}
		if (budget instanceof Number number && number.longValue() == 14) {
			throw new InvalidInputException("budget", "must not be 14 either");
		}
	}

}
