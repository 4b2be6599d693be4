package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.LodestarIntegrationTest;

/**
 * Walks {@code model-change-briefing.bpmn}, its one path: a "Read what changed" task for every
 * member, the process ends once all of them confirmed.
 */
@LodestarIntegrationTest
class ModelChangeBriefingProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@BeforeEach
	void engine() {
		init(engine);
	}

	@AfterEach
	void clear() {
		reset();
	}

	@Test
	void everyMemberReadsWhatChangedThenTheBriefingEnds() {
		var instance = runtime.startProcessInstanceByKey(ModelChanges.BRIEFING_PROCESS, "lead-to-sale:v9",
				Map.of("members", List.of("alice", "bob"), "changes", "Changed user task X", "diagramLink",
						"/models/lead-to-sale?version=9", "modelKey", "lead-to-sale"));
		assertThat(instance).isWaitingAt("Task_ReadWhatChanged");
		var open = tasks.createTaskQuery().processInstanceId(instance.getId()).orderByTaskAssignee().asc().list();
		assertThat(open).extracting(t -> t.getAssignee()).containsExactly("alice", "bob");
		assertThat(open.get(0).getDueDate()).isNotNull();

		tasks.complete(open.get(0).getId(), Map.of("understood", true));
		assertThat(instance).isWaitingAt("Task_ReadWhatChanged");
		tasks.complete(open.get(1).getId(), Map.of("understood", true, "briefingQuestions", "Why?"));

		assertThat(instance).isEnded().hasPassed("Start_VersionDeployed", "Task_ReadWhatChanged", "End_EveryoneBriefed");
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.distinct()).contains("Start_VersionDeployed", "Task_ReadWhatChanged", "End_EveryoneBriefed");
	}

}
