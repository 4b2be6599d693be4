package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import dev.lodestar.system.ProcessApi;

/**
 * The rules of {@link ModelRules} one by one, on a bean factory with one bean open to models
 * ({@code greeter}) and one that is not ({@code identityService}).
 */
class ModelRulesUnitTest {

	/** A bean with one method and one property open to models, and one method that is not. */
	public static class Greeter {

		@ProcessApi
		public String greet(Object execution, String name) {
			return "hello " + name;
		}

		@ProcessApi
		public String getMood() {
			return "fine";
		}

		public void shutdown() {
		}

	}

	private final ModelRules rules = new ModelRules(new ProcessApis(beans()));

	private static DefaultListableBeanFactory beans() {
		var beans = new DefaultListableBeanFactory();
		beans.registerBeanDefinition("greeter", new RootBeanDefinition(Greeter.class));
		beans.registerBeanDefinition("identityService", new RootBeanDefinition(Object.class));
		return beans;
	}

	@Test
	void variablesLiteralsOperatorsAndTheAllowListPass() {
		for (String allowed : List.of("${x}", "${!won}", "${a + 1 > b ? 'x' : \"y\"}", "${followUpDays * 12}",
				"${execution.getVariable('priority') == 'HIGH' ? 80 : 20}", "#{execution.processBusinessKey}",
				"${task.assignee}", "${task.getVariable('attended')}", "${greeter.greet(execution, 'a')}",
				"${greeter.greet(task, kpi)}", "${greeter.mood}", "${dateTime().plusDays(2).toDate()}",
				"${gateReasons.isEmpty()}", "${decisionResult.getSingleResult().queue}", "${list[0]}",
				"${map['key']}", "Act on ${greeter.greet(task, kpiCode)}: coach the team", "${currentUser()}",
				"${greeter.greet(execution, execution.getVariable('name'))}")) {
			assertThat(codes(allowed)).as(allowed).isEmpty();
		}
	}

	@Test
	void everyWayToTheEngineOrToReflectionIsRefusedWithItsCode() {
		assertThat(codes(ModelTrustBoundaryIntegrationTest.ESCALATION)).contains("notCallable");
		assertThat(codes("${execution.processEngineServices.identityService}")).contains("notReadable");
		assertThat(codes("${execution['processEngineServices']}")).contains("notReadable");
		assertThat(codes("${execution[name]}")).contains("notReadable");
		assertThat(codes("${task.execution}")).contains("notReadable");
		assertThat(codes("${execution.setVariable('a', 1)}")).containsExactly("notCallable");
		assertThat(codes("${task.setVariableLocal('a', 1)}")).containsExactly("notCallable");
		assertThat(codes("${greeter.shutdown()}")).containsExactly("notCallable");
		assertThat(codes("${greeter.class}")).contains("notReadable");
		assertThat(codes("${identityService.createUser('x')}")).contains("beanNotOpen");
		assertThat(codes("${identityService}")).containsExactly("beanNotOpen");
		assertThat(codes("${x.getClass().forName('java.lang.Runtime')}")).contains("notCallable");
		assertThat(codes("${''.getClass()}")).contains("notCallable");
		assertThat(codes("${x.class}")).containsExactly("notReadable");
		assertThat(codes("${execution}")).containsExactly("engineObject");
		assertThat(codes("${list.contains(task)}")).containsExactly("engineObject");
		assertThat(codes("${greeter.greet(execution, execution.getProcessEngine())}")).containsExactly("notCallable");
		assertThat(codes("${exec()}")).containsExactly("functionNotOpen");
		assertThat(codes("${x.wait()}")).containsExactly("notCallable");
		assertThat(codes("${")).containsExactly("unreadableExpression");
	}

	@Test
	void scriptsClassesConnectorsResourcesAndForeignFormsAreRefusedWithTheirElement() {
		String bpmn = """
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
				  <bpmn:process id="p" isExecutable="true">
				    <bpmn:documentation>Call ${execution.getProcessEngineServices()} in prose: not evaluated</bpmn:documentation>
				    <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
				    <bpmn:serviceTask id="Task_Class" camunda:class="org.example.Evil"/>
				    <bpmn:serviceTask id="Task_Connector"><bpmn:extensionElements>
				      <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
				    </bpmn:extensionElements></bpmn:serviceTask>
				    <bpmn:userTask id="Task_Listener"><bpmn:extensionElements>
				      <camunda:taskListener event="create"><camunda:script scriptFormat="javascript" camunda:resource="deployment://x.js"/></camunda:taskListener>
				    </bpmn:extensionElements></bpmn:userTask>
				    <bpmn:userTask id="Task_Embedded" camunda:formKey="embedded:deployment:evil.html"/>
				    <bpmn:userTask id="Task_CamundaForm" camunda:formKey="camunda-forms:deployment:forms/ok.form"/>
				    <bpmn:sequenceFlow id="Flow_Script" sourceRef="Task_Class" targetRef="Task_Connector">
				      <bpmn:conditionExpression language="javascript">true</bpmn:conditionExpression>
				    </bpmn:sequenceFlow>
				    <bpmn:sequenceFlow id="Flow_Juel" sourceRef="Task_Class" targetRef="Task_Connector">
				      <bpmn:conditionExpression>${execution.getProcessEngineServices() != null}</bpmn:conditionExpression>
				    </bpmn:sequenceFlow>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		var found = found("processes/p.bpmn", bpmn);
		assertThat(found).contains("Task_Script:script", "Task_Class:javaClass", "Task_Connector:connector",
				"Task_Listener:script", "Task_Listener:externalResource", "Task_Embedded:formKey", "Flow_Script:script",
				"Flow_Juel:notCallable");
		assertThat(found).noneMatch(f -> f.startsWith("Task_CamundaForm") || f.startsWith("p:"));
	}

	@Test
	void decisionsAreFeelOnlyWithoutExternalFunctions() {
		String dmn = ModelTrustBoundaryIntegrationTest.decision("d",
				"<inputExpression id=\"In_Js\" typeRef=\"string\" expressionLanguage=\"javascript\"><text>1</text>"
						+ "</inputExpression>")
			.replace("<text>\"ok\"</text>",
					"<text>function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}}</text>");
		assertThat(found("processes/d.dmn", dmn)).containsExactlyInAnyOrder("In_Js:expressionLanguage",
				"Out_Any:externalFunction");
		String feel = ModelTrustBoundaryIntegrationTest.decision("d",
				"<inputExpression id=\"In_Feel\" typeRef=\"number\" expressionLanguage=\"feel\"><text>amount</text>"
						+ "</inputExpression>");
		assertThat(found("processes/d.dmn", feel)).isEmpty();
	}

	@Test
	void aDeploymentHoldsModelsFormsAndImagesOnly() {
		assertThat(found("processes/evil.groovy", "println 'x'")).containsExactly("null:resourceType");
		assertThat(found("forms/evil.html", "<script>")).containsExactly("null:resourceType");
		assertThat(found("forms/ok.form", "{}")).isEmpty();
		assertThat(found("processes/diagram.png", "")).isEmpty();
	}

	private List<String> codes(String expression) {
		var found = new ArrayList<ModelRules.Violation>();
		rules.checkExpression("r", "e", "camunda:expression", expression, found);
		return found.stream().map(ModelRules.Violation::code).toList();
	}

	private List<String> found(String resource, String content) {
		return rules.inspect(resource, content).stream().map(v -> v.elementId() + ":" + v.code()).toList();
	}

}
