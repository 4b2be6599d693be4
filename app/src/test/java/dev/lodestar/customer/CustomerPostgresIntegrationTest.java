package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.lodestar.customer.CustomerLink.Outcome;

/** Matching, search and merge on the real PostgreSQL server (its LIKE and null handling differ from H2's). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class CustomerPostgresIntegrationTest {

	@Autowired
	CustomerService customers;

	@Test
	void matchesSearchesAndMergesOnPostgres() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String digits = CustomerServiceIntegrationTest.randomDigits();
		var first = customers.createOrLink(CustomerDraft.company("Kestrel " + tag + " Ltd", "Ola",
				"ola." + tag + "@kestrel.example", digits, "EMEA"), "alice");
		var linked = customers.createOrLink(CustomerDraft.company("Kestrel", "Ola", null, "+1 " + digits, null), "alice");
		var similar = customers.createOrLink(CustomerDraft.company("KESTREL " + tag + " GmbH", "Per", null, null, null),
				"alice");

		assertThat(linked.outcome()).isEqualTo(Outcome.LINKED);
		assertThat(similar.outcome()).isEqualTo(Outcome.CREATED_LIKELY_DUPLICATE);
		assertThat(customers.search("kestrel " + tag, 10)).hasSize(2);
		assertThat(customers.search(digits, 10)).extracting(CustomerSummary::id).containsExactly(first.customer().id());

		customers.merge(similar.customer().id(), first.customer().id(), "bob");
		assertThat(customers.search("kestrel " + tag, 10)).extracting(CustomerSummary::id)
			.containsExactly(first.customer().id());
		assertThat(customers.view(similar.customer().id(), "alice").contacts()).hasSize(2);

		// a longer name is found through PostgreSQL's pattern index (V602): "kestrel <tag> aviation"
		// starts with the key "kestrel <tag>" of the customer that lives on
		var longer = customers.createOrLink(CustomerDraft.company("Kestrel " + tag + " Aviation Ltd", null, null, null,
				null), "alice");
		assertThat(longer.likelyDuplicates()).extracting(m -> m.customer().id()).containsExactly(first.customer().id());
	}

}
