package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.LodestarIntegrationTest;

/**
 * Over every open task of the demo (leads, complaints, the rollout, training waves, KPI
 * reviews): the task's name, the names of its case's earlier steps and the texts of its form
 * never show an expression ("${waveName}") or a hole where a value belongs ("Record attendance
 * and score of").
 */
@LodestarIntegrationTest
class TaskNamesIntegrationTest {

	private static final Pattern RAW = Pattern.compile("[$#]\\{");
	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

	/** The keys that some form requires: a case that passed that step has their values. */
	private static final java.util.Set<String> REQUIRED = requiredKeys();

	@Autowired
	WorklistService worklist;

	@Autowired
	TaskService taskService;

	@Test
	void taskNamesEarlierStepsAndFormTextsShowValuesNotExpressions() {
		List<Task> tasks = taskService.createTaskQuery().initializeFormKeys().listPage(0, 300);
		assertThat(tasks).isNotEmpty();
		List<String> problems = new ArrayList<>();
		int forms = 0;
		for (Task task : tasks) {
			Caller caller = whoCanSee(task);
			TaskView view = worklist.view(caller, task.getId());
			check(problems, "task", view.task().name());
			view.history().forEach(step -> check(problems, "step of " + view.task().name(), step.name()));
			if (!view.hasForm()) {
				continue;
			}
			Map<String, Object> form = worklist.form(caller, task.getId(), Locale.ENGLISH);
			@SuppressWarnings("unchecked")
			Map<String, Object> data = (Map<String, Object>) form.get("data");
			Matcher placeholder = TEMPLATE.matcher(String.valueOf(form.get("schema")));
			while (placeholder.find()) {
				forms++;
				// an optional field left empty shows nothing, which is right; a required one must have its value
				if (data.get(placeholder.group(1)) == null && REQUIRED.contains(placeholder.group(1))) {
					problems.add("form of '" + view.task().name() + "' lacks {{" + placeholder.group(1) + "}}");
				}
			}
		}
		assertThat(forms).as("form texts with values checked").isPositive();
		assertThat(problems).isEmpty();
	}

	private static java.util.Set<String> requiredKeys() {
		var json = new com.fasterxml.jackson.databind.ObjectMapper();
		var keys = new java.util.HashSet<String>();
		try {
			for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
				.getResources("classpath*:forms/*.form")) {
				json.readTree(resource.getInputStream()).findParents("key").forEach(component -> {
					if (component.path("validate").path("required").asBoolean(false)) {
						keys.add(component.get("key").asText());
					}
				});
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return keys;
	}

	private static void check(List<String> problems, String what, String name) {
		if (name != null && (RAW.matcher(name).find() || name.strip().endsWith(" of"))) {
			problems.add(what + ": " + name);
		}
	}

	private Caller whoCanSee(Task task) {
		List<String> roles = taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
		return new Caller(task.getAssignee() != null ? task.getAssignee() : "someone", roles);
	}

}
