package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;

/** Parallel captures of one new person link to one customer (H2; see the PostgreSQL twin). */
@LodestarIntegrationTest
class OneCustomerPerContactIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void parallelCapturesOfOneEmailOrPhoneMakeOneCustomerAndParallelImportsMakeOnePerRow() {
		var captures = new ParallelCaptures(new ApiClient(port), System.nanoTime());
		assertThat(captures.leadsWithOneEmail()).hasSize(1);
		assertThat(captures.customersWithOneEmail()).hasSize(1);
		assertThat(captures.complaintsFromOnePhone()).hasSize(1);
		assertThat(captures.importsOfTheSameRows()).hasSize(20);
	}

}
