package dev.lodestar.worklist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;

import dev.lodestar.ProductionClasses;

/**
 * One door for task work: no class but {@link WorklistService} completes, resolves or ends a
 * user task through the engine's API, so every path gets the same checks (the caller, the
 * form's values, the stage rules) and the same answers.
 */
class OneDoorForTaskWorkTest {

	private static final Set<String> TASK_WORK = Set.of("complete", "completeWithVariablesInReturn", "resolveTask",
			"handleBpmnError", "handleEscalation", "submitTaskForm", "submitTaskFormWithVariablesInReturn");

	private static final DescribedPredicate<JavaMethodCall> WORKS_A_TASK = new DescribedPredicate<>(
			"complete, resolve or end a user task (TaskService, FormService)") {
		@Override
		public boolean test(JavaMethodCall call) {
			var owner = call.getTarget().getOwner();
			return (owner.isAssignableTo(TaskService.class) || owner.isAssignableTo(FormService.class))
					&& TASK_WORK.contains(call.getTarget().getName());
		}
	};

	private final JavaClasses classes = ProductionClasses.get();

	@Test
	void onlyTheWorklistServiceCompletesResolvesOrEndsATask() {
		noClasses().that()
			.doNotHaveFullyQualifiedName(WorklistService.class.getName())
			.should()
			.callMethodWhere(WORKS_A_TASK)
			.because("task work has one door, dev.lodestar.worklist.WorklistService")
			.check(classes);
	}

	@Test
	void theRuleSeesTheDoorItself() {
		// were the predicate blind (a renamed method, another owner), the rule above would pass on anything
		assertThat(classes.get(WorklistService.class).getMethodCallsFromSelf()).anyMatch(WORKS_A_TASK::test);
	}

}
