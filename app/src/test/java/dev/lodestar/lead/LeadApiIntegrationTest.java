package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;

@LodestarIntegrationTest
class LeadApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FormService formService;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private ApiClient api() {
		return new ApiClient(port);
	}

	@Test
	void aRepPostsALeadAndItsCaseWaitsInTheSalesRepQueueWithAForm() throws Exception {
		var response = api().post("alice", "/api/leads", """
				{"company":"Acorn %s Ltd","contactName":"Mia Wong","email":"mia.%s@acorn.example","phone":"+44 20 7946 %s",
				 "source":"WEB","region":"EMEA","notes":"Asked for a demo"}""".formatted(tag, tag, tag.hashCode() % 9000 + 1000));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		long id = response.json().at("/id").asLong();
		assertThat(response.location()).endsWith("/api/leads/" + id);
		assertThat(response.json().at("/stage").asText()).isEqualTo("QUALIFYING");

		var instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(id))
			.singleResult();
		assertThat(instance).isNotNull();
		var task = taskService.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo(LeadProcess.QUALIFY_LEAD);
		assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "sales-rep".equals(l.getGroupId()));
		assertThat(task.getCamundaFormRef().getKey()).isEqualTo("lead-qualify");
		try (var form = formService.getDeployedTaskForm(task.getId())) {
			assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\": \"lead-qualify\"");
		}
	}

}
