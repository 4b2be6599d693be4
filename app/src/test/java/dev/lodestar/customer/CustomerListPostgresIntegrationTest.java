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

	/**
	 * The search's one column and the primary key make it a bitmap OR of index scans: the OR does
	 * not defeat the indexes (as an OR across a join to the contacts did). At 5,000 customers the
	 * planner still prefers to scan (300 pages, some milliseconds), as it should; the plan shows
	 * the indexed path once scans are ruled out, and so is what it takes as the table grows.
	 */
	@Test
	void theSearchCanBeServedByTheTrigramIndexAndThePrimaryKey() {
		jdbc.execute("analyze crm_customer");
		String plan = jdbc.execute((java.sql.Connection connection) -> {
			try (var statement = connection.createStatement()) {
				statement.execute("set enable_seqscan = off");
				statement.execute("set enable_indexscan = off");
				try (var explain = connection.prepareStatement("""
						explain select c.id from crm_customer c
						where c.merged_into_id is null
						  and (c.search_text like ? escape '\\' or c.search_text like ? escape '\\'
						       or c.search_text like ? escape '\\' or c.id = ?)
						order by c.name, c.id offset 0 rows fetch first 20 rows only""")) {
					explain.setString(1, "%desk42." + tag + "@quill.example%");
					explain.setString(2, "%desk42 " + tag + " quill example%");
					explain.setString(3, "%desk42." + tag + "@quill.example%");
					explain.setLong(4, -1L);
					var lines = new StringBuilder();
					try (var rows = explain.executeQuery()) {
						while (rows.next()) {
							lines.append(rows.getString(1)).append('\n');
						}
					}
					return lines.toString();
				}
				finally {
					statement.execute("reset enable_seqscan");
					statement.execute("reset enable_indexscan");
				}
			}
		});
		assertThat(plan).as(plan)
			.contains("BitmapOr")
			.contains("Bitmap Index Scan on crm_customer_search_text")
			.contains("Bitmap Index Scan on crm_customer_pkey")
			.doesNotContain("Seq Scan");
	}

}
