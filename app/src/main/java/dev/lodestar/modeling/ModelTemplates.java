package dev.lodestar.modeling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The content a new model starts from: blank, or a small template that already passes the
 * check (a process with a start event, one user task for process owners and an end event; a
 * decision table with one rule; a form with one text field). The key is the process, decision
 * or form id, as for the files.
 */
final class ModelTemplates {

	/** How a new model starts. */
	enum Start {
		BLANK, TEMPLATE
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private ModelTemplates() {
	}

	static String of(ModelKind kind, String key, String name, Start start) {
		String title = name == null || name.isBlank() ? key : name.strip();
		return switch (kind) {
			case BPMN -> start == Start.TEMPLATE ? process(key, title) : blankProcess(key, title);
			case DMN -> decision(key, title, start == Start.TEMPLATE);
			case FORM -> form(key, start == Start.TEMPLATE);
		};
	}

	private static String blankProcess(String key, String name) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
				xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
				xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" \
				targetNamespace="https://lodestar.dev/processes" exporter="Lodestar" exporterVersion="1.0">
				  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P180D">
				    <bpmn:startEvent id="StartEvent_Started" />
				  </bpmn:process>
				  <bpmndi:BPMNDiagram id="BPMNDiagram_%1$s">
				    <bpmndi:BPMNPlane id="BPMNPlane_%1$s" bpmnElement="%1$s">
				      <bpmndi:BPMNShape id="StartEvent_Started_di" bpmnElement="StartEvent_Started">
				        <dc:Bounds x="180" y="160" width="36" height="36" />
				      </bpmndi:BPMNShape>
				    </bpmndi:BPMNPlane>
				  </bpmndi:BPMNDiagram>
				</bpmn:definitions>
				""".formatted(key, xml(name));
	}

	private static String process(String key, String name) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
				xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
				xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" \
				id="Definitions_%1$s" targetNamespace="https://lodestar.dev/processes" exporter="Lodestar" exporterVersion="1.0">
				  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P180D">
				    <bpmn:startEvent id="StartEvent_Started" name="Started">
				      <bpmn:outgoing>Flow_ToWork</bpmn:outgoing>
				    </bpmn:startEvent>
				    <bpmn:userTask id="Task_DoTheWork" name="Do the work" camunda:candidateGroups="process-owner">
				      <bpmn:incoming>Flow_ToWork</bpmn:incoming>
				      <bpmn:outgoing>Flow_ToDone</bpmn:outgoing>
				    </bpmn:userTask>
				    <bpmn:endEvent id="EndEvent_Done" name="Done">
				      <bpmn:incoming>Flow_ToDone</bpmn:incoming>
				    </bpmn:endEvent>
				    <bpmn:sequenceFlow id="Flow_ToWork" sourceRef="StartEvent_Started" targetRef="Task_DoTheWork" />
				    <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="Task_DoTheWork" targetRef="EndEvent_Done" />
				  </bpmn:process>
				  <bpmndi:BPMNDiagram id="BPMNDiagram_%1$s">
				    <bpmndi:BPMNPlane id="BPMNPlane_%1$s" bpmnElement="%1$s">
				      <bpmndi:BPMNShape id="StartEvent_Started_di" bpmnElement="StartEvent_Started">
				        <dc:Bounds x="180" y="160" width="36" height="36" />
				      </bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="Task_DoTheWork_di" bpmnElement="Task_DoTheWork">
				        <dc:Bounds x="270" y="138" width="100" height="80" />
				      </bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="EndEvent_Done_di" bpmnElement="EndEvent_Done">
				        <dc:Bounds x="432" y="160" width="36" height="36" />
				      </bpmndi:BPMNShape>
				      <bpmndi:BPMNEdge id="Flow_ToWork_di" bpmnElement="Flow_ToWork">
				        <di:waypoint x="216" y="178" />
				        <di:waypoint x="270" y="178" />
				      </bpmndi:BPMNEdge>
				      <bpmndi:BPMNEdge id="Flow_ToDone_di" bpmnElement="Flow_ToDone">
				        <di:waypoint x="370" y="178" />
				        <di:waypoint x="432" y="178" />
				      </bpmndi:BPMNEdge>
				    </bpmndi:BPMNPlane>
				  </bpmndi:BPMNDiagram>
				</bpmn:definitions>
				""".formatted(key, xml(name));
	}

	private static String decision(String key, String name, boolean withRule) {
		String rule = withRule ? """
				      <rule id="Rule_First">
				        <inputEntry id="Rule_First_In0"><text>-</text></inputEntry>
				        <outputEntry id="Rule_First_Out0"><text>"yes"</text></outputEntry>
				      </rule>
				""" : "";
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" \
				xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" \
				xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_%1$s" name="%2$s" \
				namespace="https://lodestar.dev/decisions" exporter="Lodestar" exporterVersion="1.0">
				  <decision id="%1$s" name="%2$s" camunda:historyTimeToLive="P180D">
				    <decisionTable id="DecisionTable_%1$s" hitPolicy="FIRST">
				      <input id="Input_1" label="Input"><inputExpression id="Input_1_Expression" typeRef="string"><text>input</text></inputExpression></input>
				      <output id="Output_1" label="Output" name="output" typeRef="string" />
				%3$s    </decisionTable>
				  </decision>
				  <dmndi:DMNDI><dmndi:DMNDiagram id="DMNDiagram_%1$s"><dmndi:DMNShape id="DMNShape_%1$s" dmnElementRef="%1$s">\
				<dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape></dmndi:DMNDiagram></dmndi:DMNDI>
				</definitions>
				""".formatted(key, xml(name), rule);
	}

	private static String form(String key, boolean withField) {
		ObjectNode form = JSON.createObjectNode();
		var components = form.putArray("components");
		if (withField) {
			components.addObject()
				.put("type", "textfield")
				.put("key", "note")
				.put("label", "Note")
				.put("id", "Field_note")
				.putObject("layout")
				.put("row", "Row_1")
				.putNull("columns");
		}
		form.put("type", "default");
		form.put("id", key);
		form.put("executionPlatform", "Camunda Platform");
		form.put("executionPlatformVersion", "7.24.0");
		form.putObject("exporter").put("name", "Lodestar").put("version", "1.0");
		form.put("schemaVersion", ModelChecker.MAX_FORM_SCHEMA_VERSION);
		try {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form) + "\n";
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
