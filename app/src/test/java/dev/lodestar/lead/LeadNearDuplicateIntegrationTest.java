package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerService;

/** A lead whose company only resembles an existing customer's name goes to the duplicate review, as one with the same name. */
@LodestarIntegrationTest
class LeadNearDuplicateIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CustomerService customers;

	@Autowired
	TaskService taskService;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aLeadForSakuraDesignsIsReviewedAsALikelyDuplicateOfSakuraDesignLtd() {
		var existing = customers.createOrLink(CustomerDraft.company("Sakura Design " + tag + " Ltd", "Yuki Tanaka", null,
				null, "APAC"), "bob");
		var api = new ApiClient(port);

		var created = api.post("alice", "/api/leads", """
				{"company":"Sakura Designs %s","contactName":"Ken Mori","source":"EVENT","region":"APAC"}""".formatted(tag));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long leadId = created.json().at("/id").asLong();
		var lead = api.get("alice", "/api/leads/" + leadId).json();
		assertThat(lead.at("/stage").asText()).isEqualTo("DUPLICATE_REVIEW");
		assertThat(lead.at("/duplicateOfId").asLong()).isEqualTo(existing.customer().id());
		var review = taskService.createTaskQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(leadId))
			.singleResult();
		assertThat(review.getTaskDefinitionKey()).isEqualTo(LeadProcess.REVIEW_DUPLICATE);
		assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(l -> "sales-rep".equals(l.getGroupId()));
		// alice captured it herself: the review is hers (LeadOwnershipIntegrationTest)
		assertThat(review.getAssignee()).isEqualTo("alice");
		long newCustomer = lead.at("/customerId").asLong();
		assertThat(customers.possibleDuplicates(existing.customer().id())).extracting(m -> m.customer().id())
			.contains(newCustomer);
		var matches = api.get("alice", "/api/customers/matches?name=sakura%20designs%20" + tag).json();
		assertThat(matches.findValuesAsText("strength")).contains("LIKELY");
	}

}
