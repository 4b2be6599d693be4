package dev.lodestar.worklist;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.system.ProcessTexts;

/**
 * Who decided what, when and why, read from the engine's history: for every completed task of a
 * case whose form holds a decision (a required radio choice: approve or reject, go live or not),
 * the value chosen, the person who completed the task, when, and the reason given (the form's
 * field that is {@code requiredWhen} the decision). Labels come in the reader's language, from
 * the form's own bundle; a decision made twice (a rework, a second UAT) shows twice.
 */
@Component
public class DecisionHistory {

	/** One decision on a case. */
	public record Decision(String step, String question, String field, Object value, String answer, String decidedBy,
			Instant decidedAt, String reason) {
	}

	private final HistoryService history;
	private final RepositoryService repository;
	private final ProcessTexts texts;
	private final ObjectMapper json;

	DecisionHistory(HistoryService history, RepositoryService repository, ProcessTexts texts, ObjectMapper json) {
		this.history = history;
		this.repository = repository;
		this.texts = texts;
		this.json = json;
	}

	/** The decisions of the case with this business key in that process, oldest first. */
	public List<Decision> ofCase(String processKey, String businessKey, Locale locale) {
		var decisions = new ArrayList<Decision>();
		for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.orderByProcessInstanceStartTime()
			.asc()
			.list()) {
			decisions.addAll(ofInstance(instance.getId(), locale));
		}
		return decisions;
	}

	/** The decisions taken in one process instance, oldest first. */
	public List<Decision> ofInstance(String processInstanceId, Locale locale) {
		if (processInstanceId == null) {
			return List.of();
		}
		var decisions = new ArrayList<Decision>();
		for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.asc()
			.list()) {
			Optional<JsonNode> form = formOf(task);
			if (form.isEmpty() || !"completed".equals(task.getDeleteReason())) {
				continue;
			}
			List<JsonNode> choices = new ArrayList<>();
			form.get().path("components").forEach(c -> {
				if ("radio".equals(c.path("type").asText()) && c.path("validate").path("required").asBoolean(false)) {
					choices.add(c);
				}
			});
			if (choices.isEmpty()) {
				continue;
			}
			Map<String, Object> values = valuesSetBy(task);
			String formId = form.get().path("id").asText();
			Properties labels = FormSchemas.bundle(formId, locale);
			String step = texts.stepName(task.getProcessDefinitionKey(), task.getTaskDefinitionKey(), task.getName(), locale);
			for (JsonNode choice : choices) {
				String key = choice.path("key").asText();
				if (!values.containsKey(key)) {
					continue;
				}
				Object value = values.get(key);
				String answer = String.valueOf(value);
				for (JsonNode option : choice.path("values")) {
					if (option.path("value").asText().equals(String.valueOf(value))) {
						answer = labels.getProperty(key + ".option." + option.path("value").asText(), option.path("label").asText());
					}
				}
				String question = labels.getProperty(key + ".label", choice.path("label").asText(key));
				decisions.add(new Decision(step, question, key, value, answer, task.getAssignee(),
						task.getEndTime() == null ? null : task.getEndTime().toInstant(), reason(form.get(), key, values)));
			}
		}
		return decisions;
	}

	/** The text of the field that the decision makes required ({@code requiredWhen: key=...}), if given. */
	private static String reason(JsonNode form, String key, Map<String, Object> values) {
		for (JsonNode c : form.path("components")) {
			String when = c.path("properties").path("requiredWhen").asText("");
			if (when.startsWith(key + "=")) {
				Object text = values.get(c.path("key").asText());
				if (text != null && !String.valueOf(text).isBlank()) {
					return String.valueOf(text);
				}
			}
		}
		return null;
	}

	/** The variables written while this task was active: what its completion submitted. */
	private Map<String, Object> valuesSetBy(HistoricTaskInstance task) {
		var values = new HashMap<String, Object>();
		if (task.getActivityInstanceId() == null) {
			return values;
		}
		for (HistoricDetail detail : history.createHistoricDetailQuery()
			.variableUpdates()
			.activityInstanceId(task.getActivityInstanceId())
			.orderByTime()
			.asc()
			.list()) {
			if (detail instanceof HistoricVariableUpdate update) {
				values.put(update.getVariableName(), update.getValue());
			}
		}
		return values;
	}

	private Optional<JsonNode> formOf(HistoricTaskInstance task) {
		var model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
		if (model == null || !(model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask userTask)
				|| userTask.getCamundaFormRef() == null) {
			return Optional.empty();
		}
		var resource = new ClassPathResource("forms/" + userTask.getCamundaFormRef() + ".form");
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return Optional.of(json.readTree(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException("unreadable form " + userTask.getCamundaFormRef(), ex);
		}
	}

}
