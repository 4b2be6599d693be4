package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.lodestar.customer.ApiClient;

/** A lead from capture to won, through the API, on the real PostgreSQL server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class LeadPostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	HistoryService historyService;

	@Test
	void aLeadGoesFromCaptureToWonThroughTheApiOnPostgres() throws Exception {
		try (var connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		var api = new ApiClient(port);
		String tag = UUID.randomUUID().toString().substring(0, 8);

		var captured = api.post("alice", "/api/leads", """
				{"company":"Granite %s Ltd","contactName":"Noor","email":"noor.%s@granite.example","phone":"+1 415 555 0%s",
				 "source":"REFERRAL","region":"NA","segment":"SMB","estimatedValue":30000,"notes":"Referred by a customer"}"""
			.formatted(tag, tag, Math.abs(tag.hashCode() % 900) + 100));
		assertThat(captured.status()).as(captured.body()).isEqualTo(201);
		long id = captured.json().at("/id").asLong();
		assertThat(captured.json().at("/priority").asText()).isEqualTo("HIGH");

		ok(api.post("alice", "/api/leads/" + id + "/interactions",
				"{\"type\":\"VISIT\",\"summary\":\"Site visit\",\"outcome\":\"keen\"}"), 201);
		ok(api.post("alice", "/api/leads/" + id + "/qualification", """
				{"qualified":true,"budget":"30k","decisionMaker":"CEO Noor","need":"pipeline visibility","timeline":"next month"}"""), 200);
		var proposed = ok(api.post("alice", "/api/leads/" + id + "/proposal", """
				{"amount":30000,"discountPercent":15,"decisionMaker":"CEO Noor","proposalSummary":"50 seats","nextFollowUp":"%s"}"""
			.formatted(Instant.now().plus(3, ChronoUnit.DAYS))), 200);
		assertThat(proposed.json().at("/opportunity/stage").asText()).isEqualTo("DISCOUNT_APPROVAL");
		// the board's per-stage cards, the list's stage filter and the drop's step, on PostgreSQL
		var board = dev.lodestar.PageLogin.as(port, "bob").get("/leads?region=NA");
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(board.body()).contains("data-lead-id=\"" + id + "\"");
		for (String stage : java.util.List.of("PROPOSAL", "DISCOUNT_APPROVAL", "QUALIFYING", "WON")) {
			var export = api.get("bob", "/api/leads/export?region=NA&source=REFERRAL&stage=" + stage);
			assertThat(export.status()).as(stage + ": " + export.body()).isEqualTo(200);
			assertThat(export.body().contains("Granite " + tag)).as(stage).isEqualTo(stage.equals("DISCOUNT_APPROVAL"));
		}
		var step = api.get("bob", "/api/leads/" + id + "/step?to=NEGOTIATION");
		assertThat(step.status()).as(step.body()).isEqualTo(200);
		assertThat(api.get("bob", "/api/leads/" + id + "/step?to=WON").status()).isEqualTo(409);
		ok(api.post("bob", "/api/leads/" + id + "/discount-decision", "{\"approved\":true,\"comment\":\"strategic\"}"), 200);
		var won = ok(api.post("alice", "/api/leads/" + id + "/outcome", "{\"won\":true}"), 200);
		assertThat(won.json().at("/opportunity/stage").asText()).isEqualTo("WON");
		assertThat(won.json().at("/opportunity/finalAmount").decimalValue()).isEqualByComparingTo("25500");
		assertThat(won.json().at("/openTasks/0/taskDefinitionKey").asText()).isEqualTo(LeadProcess.WELCOME_CALL);
		ok(api.post("carol", "/api/leads/" + id + "/welcome-call", "{\"notes\":\"Kick-off on Monday\"}"), 200);

		var found = ok(api.get("bob", "/api/leads?stage=QUALIFIED&q=granite%20" + tag), 200).json();
		assertThat(found.size()).isEqualTo(1);
		assertThat(found.at("/0/id").asLong()).isEqualTo(id);

		var history = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(id))
			.singleResult();
		assertThat(history.getEndTime()).isNotNull();
		assertThat(history.getEndActivityId()).isEqualTo(LeadProcess.END_CUSTOMER_ONBOARDED);
		long customerId = won.json().at("/customerId").asLong();
		var view = ok(api.get("alice", "/api/customers/" + customerId + "/view"), 200).json();
		assertThat(view.at("/interactions").findValuesAsText("summary")).contains("Site visit", "Kick-off on Monday");
		assertThat(view.at("/sections/0/entries/0/status").asText()).isEqualTo("Won"); // the 360° view speaks the reader's language
	}

	private static ApiClient.Response ok(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

}
