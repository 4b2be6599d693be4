package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The customer list at volume on the real PostgreSQL server, where "contains" search is served
 * by the trigram index of V130 rather than by scanning: the plan of the list's search says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class CustomerListPostgresIntegrationTest extends CustomerListContract {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSearchIsAnIndexLookupNotAScan() {
		jdbc.execute("analyze crm_customer");
		// the statement Customers.findActiveContaining becomes, with one seeded customer's e-mail
		var plan = String.join("\n", jdbc.queryForList("""
				explain select c.id from crm_customer c
				where c.merged_into_id is null
				  and (c.search_text like ? escape '\\' or c.search_text like ? escape '\\'
				       or c.search_text like ? escape '\\' or c.id = ?)
				order by c.name, c.id offset 0 rows fetch first 20 rows only""", String.class,
				"%desk42." + tag + "@quill.example%", "%desk42 " + tag + " quill example%",
				"%desk42." + tag + "@quill.example%", -1L));
		assertThat(plan).as(plan).contains("crm_customer_search_text").doesNotContain("Seq Scan");
	}

}
