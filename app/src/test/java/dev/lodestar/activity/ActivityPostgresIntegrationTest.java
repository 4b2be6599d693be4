package dev.lodestar.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.system.ConflictException;
import dev.lodestar.worklist.Caller;

/**
 * Activities on the real PostgreSQL server: the table migrates, and two people marking the same
 * activity done at the same moment leave one winner, one conflict and one timeline entry (the
 * row lock makes the second wait, then its version no longer matches).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "pgtest" })
class ActivityPostgresIntegrationTest {

	@Autowired
	ActivityService activities;

	@Autowired
	CustomerService customers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void twoMarkingItDoneAtOnceLeaveOneWinnerAndOneTimelineEntry() throws Exception {
		var alice = new Caller("alice", List.of("sales-rep", "employee"));
		var bob = new Caller("bob", List.of("sales-manager", "employee"));
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long customer = customers.createOrLink(CustomerDraft.company("Race Co " + tag, "Kim Park",
				"kim." + tag + "@example.com", null, "NA"), "bob").customer().id();
		for (int round = 0; round < 3; round++) {
			String subject = "Race " + tag + " " + round;
			long id = activities.plan(new NewActivity("customer", customer, ActivityType.CALL, subject, null,
					clock.instant().plus(Duration.ofHours(1)), "alice"), bob).id();
			var start = new CountDownLatch(1);
			var pool = Executors.newFixedThreadPool(2);
			try {
				var results = new ArrayList<Future<String>>();
				for (Caller caller : List.of(alice, bob)) {
					results.add(pool.submit(() -> {
						start.await();
						try {
							activities.done(id, "by " + caller.userId(), caller);
							return "won";
						}
						catch (ConflictException | ConcurrencyFailureException lost) {
							return "409";
						}
					}));
				}
				start.countDown();
				var outcomes = new ArrayList<String>();
				for (Future<String> result : results) {
					outcomes.add(result.get());
				}
				assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("won", "409");
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(jdbc.queryForObject("select count(*) from crm_interaction where customer_id = ? "
					+ "and summary_code = 'interaction.activityDone' and summary_args like ?", Long.class, customer,
					"%" + subject + "%")).isEqualTo(1);
		}
	}

}
