package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.lodestar.LodestarIntegrationTest;

/**
 * Defence in depth: with the deployment check switched off (as for a model deployed before the
 * check existed), a model still cannot reach the engine's services, other beans or reflection
 * at run time — the engine's expressions resolve only variables and the allow-list — while the
 * expressions Lodestar's own models use keep working.
 */
@LodestarIntegrationTest
@TestPropertySource(properties = "lodestar.modeling.check-deployments=false")
class GuardedExpressionsIntegrationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	DecisionService decisionService;

	@Autowired
	IdentityService identityService;

	private List<String> franksGroups;

	@BeforeEach
	void rememberFranksGroups() {
		franksGroups = groupsOf("frank");
		assertThat(franksGroups).doesNotContain("camunda-admin");
	}

	@AfterEach
	void franksMembershipsAreUnchanged() {
		assertThat(groupsOf("frank")).containsExactlyInAnyOrderElementsOf(franksGroups).doesNotContain("camunda-admin");
	}

	@Test
	void theEnginesExpressionsAreTheGuardedOnes() {
		var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		assertThat(configuration.getExpressionManager()).isInstanceOf(GuardedExpressionManager.class);
	}

	@Test
	void aModelDeployedWithoutTheCheckCannotCallEngineServicesBeansOrReflectionAtRunTime() {
		List<String> escalations = List.of(ModelTrustBoundaryIntegrationTest.ESCALATION,
				"${execution.processEngineServices.identityService.createMembership('frank', 'camunda-admin')}",
				"${execution['processEngineServices'].identityService.createMembership('frank', 'camunda-admin')}",
				"${identityService.createMembership('frank', 'camunda-admin')}",
				"${processEngine.identityService.createMembership('frank', 'camunda-admin')}",
				"${execution.getClass().forName('java.lang.Runtime')}",
				"${'x'.getClass().getClassLoader()}",
				"${execution.getProcessEngine().getIdentityService().createMembership('frank', 'camunda-admin')}");
		int n = 0;
		for (String escalation : escalations) {
			String key = "unchecked-escalation-" + n++;
			String model = ModelTrustBoundaryIntegrationTest.process(key, "<bpmn:serviceTask id=\"Task_Escalate\" "
					+ "camunda:expression=\"" + ModelTrustBoundaryIntegrationTest.xmlAttribute(escalation) + "\"/>");
			repositoryService.createDeployment().name(key).addString("processes/" + key + ".bpmn", model).deploy();
			assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
				.as("the check is off: deployed")
				.isOne();
			// refused by the resolver: a call or property outside the allow-list, or a bean it does not know
			assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key)).as(escalation)
				.isInstanceOf(ProcessEngineException.class)
				.satisfies(refusal -> assertThat(refusal.getMessage()).as(escalation)
					.containsAnyOf("A process model may not", "Cannot resolve identifier"));
			assertThat(groupsOf("frank")).as(escalation).doesNotContain("camunda-admin");
		}
	}

	@Test
	void aListenerDeployedWithoutTheCheckCannotCallEngineServicesAtRunTime() {
		String model = ModelTrustBoundaryIntegrationTest.process("unchecked-listener",
				"<bpmn:userTask id=\"Task_Listened\" camunda:candidateGroups=\"sales-rep\"><bpmn:extensionElements>"
						+ "<camunda:taskListener event=\"create\" expression=\"${task.execution.processEngineServices"
						+ ".identityService.createMembership('frank','camunda-admin')}\"/></bpmn:extensionElements>"
						+ "</bpmn:userTask>");
		repositoryService.createDeployment().addString("processes/unchecked-listener.bpmn", model).deploy();
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("unchecked-listener"))
			.hasMessageContaining("A process model may not read execution of task");
	}

	@Test
	void aDecisionDeployedWithoutTheCheckCannotReachABeanThroughAJuelExpression() {
		String dmn = ModelTrustBoundaryIntegrationTest.decision("unchecked-decision",
				"<inputExpression id=\"InputExpression_Escalate\" typeRef=\"string\" expressionLanguage=\"juel\">"
						+ "<text>${identityService.createMembership('frank','camunda-admin')}</text></inputExpression>");
		repositoryService.createDeployment().addString("processes/unchecked-decision.dmn", dmn).deploy();
		assertThatThrownBy(() -> decisionService.evaluateDecisionTableByKey("unchecked-decision",
				Variables.createVariables().putValue("amount", 1)))
			.hasStackTraceContaining("Cannot resolve identifier 'identityService'");
	}

	@Test
	void theExpressionsOfLodestarsOwnModelsStillWork() {
		String model = ModelTrustBoundaryIntegrationTest.process("guarded-but-working",
				"<bpmn:serviceTask id=\"Task_Reads\" camunda:expression=\"${execution.getVariable('priority') == 'HIGH'"
						+ " ? 80 : (execution.getVariable('priority') == 'MEDIUM' ? 50 : 20)}\" "
						+ "camunda:resultVariable=\"taskPriority\"><bpmn:extensionElements><camunda:inputOutput>"
						+ "<camunda:outputParameter name=\"key\">#{execution.processBusinessKey}</camunda:outputParameter>"
						+ "<camunda:outputParameter name=\"due\">${dateTime().plusDays(2).toDate()}</camunda:outputParameter>"
						+ "<camunda:outputParameter name=\"none\">${gateReasons.isEmpty()}</camunda:outputParameter>"
						+ "<camunda:outputParameter name=\"first\">${gateReasons.size() == 0 ? '' : gateReasons[0]}"
						+ "</camunda:outputParameter>"
						+ "<camunda:outputParameter name=\"approval\">${leadApprovalRules != null}</camunda:outputParameter>"
						+ "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>");
		repositoryService.createDeployment().addString("processes/guarded-but-working.bpmn", model).deploy();
		var instance = runtimeService.startProcessInstanceByKey("guarded-but-working", "BK-1",
				Map.of("priority", "MEDIUM", "gateReasons", List.of("budget")));
		var history = engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list();
		var values = new java.util.HashMap<String, Object>();
		history.forEach(v -> values.put(v.getName(), v.getValue()));
		assertThat(values).containsEntry("taskPriority", 50L)
			.containsEntry("key", "BK-1")
			.containsEntry("none", false)
			.containsEntry("first", "budget")
			.containsEntry("approval", true)
			.containsKey("due");
	}

	private List<String> groupsOf(String user) {
		return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).sorted().toList();
	}

}
