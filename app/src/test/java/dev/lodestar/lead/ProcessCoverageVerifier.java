package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fails the process test class unless its coverage report (written by the process-test-coverage
 * listener when the class ends) shows every flow node and sequence flow of lead-to-sale. Must
 * be registered before the Spring extension so that it runs after the report is written.
 */
class ProcessCoverageVerifier implements AfterAllCallback {

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		Path report = Path.of("target/process-test-coverage", context.getRequiredTestClass().getName(), "report.json");
		assertThat(report).as("process-test coverage report").exists();
		JsonNode json = new ObjectMapper().readTree(report.toFile());
		Set<String> covered = new HashSet<>();
		collect(json, covered);

		var model = Bpmn.readModelFromFile(Path.of("../processes/lead-to-sale.bpmn").toFile());
		Set<String> expected = new TreeSet<>();
		model.getModelElementsByType(FlowNode.class).forEach(n -> expected.add(n.getId()));
		model.getModelElementsByType(SequenceFlow.class).forEach(f -> expected.add(f.getId()));
		var missing = new TreeSet<>(expected);
		missing.removeAll(covered);
		assertThat(missing).as("flow nodes and sequence flows of lead-to-sale not covered by " + report).isEmpty();
	}

	/** Every element id of a lead-to-sale event, wherever the report nests its events. */
	private static void collect(JsonNode node, Set<String> covered) {
		if (node.isObject()) {
			if (node.has("definitionKey") && LeadProcess.KEY.equals(node.path("modelKey").asText())) {
				covered.add(node.get("definitionKey").asText());
			}
			node.forEach(child -> collect(child, covered));
		}
		else if (node.isArray()) {
			node.forEach(child -> collect(child, covered));
		}
	}

}
