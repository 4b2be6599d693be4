package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Parallel captures of one new person link to one customer on the real PostgreSQL server, where
 * a second insert of a key waits for the first transaction instead of failing at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class OneCustomerPerContactPostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void parallelCapturesOfOneEmailOrPhoneMakeOneCustomerAndParallelImportsMakeOnePerRowOnPostgres() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		var captures = new ParallelCaptures(new ApiClient(port), System.nanoTime());
		assertThat(captures.leadsWithOneEmail()).hasSize(1);
		assertThat(captures.customersWithOneEmail()).hasSize(1);
		assertThat(captures.complaintsFromOnePhone()).hasSize(1);
		assertThat(captures.importsOfTheSameRows()).hasSize(20);
	}

}
