package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * PostgreSQL restarts under load (a private cluster of this test, never the shared server):
 * while it is down, requests answer 503 with problem details, not 500; afterwards the app
 * reconnects by itself; and nothing half-written remains (every lead row with its one process
 * instance, every acknowledged lead there).
 */
@Execution(ExecutionMode.CONCURRENT) // its nodes are separate JVMs on their own database: it runs beside the suite
class PostgresRestartIntegrationTest {

	private static final Pattern LEAD_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	@Test
	void requestsDuringAnOutageAnswer503AndTheAppReconnectsAfterwards() throws Exception {
		assumeThat(PrivatePostgres.bin())
			.as("PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/<version>/bin: this test"
					+ " runs a private PostgreSQL cluster and is skipped without them")
			.isNotNull();
		try (var postgres = PrivatePostgres.create()) {
			String database = AppNode.freshDatabase(postgres.serverUrl(), "lodestar_restart");
			try (var node = AppNode.on("pg-restart", database,
					Map.of("spring.datasource.hikari.connection-timeout", "2000",
							"spring.datasource.hikari.validation-timeout", "1000"))
				.start()) {
				var acknowledged = ConcurrentHashMap.<Long>newKeySet();
				var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
				var unavailableBodies = new ConcurrentLinkedQueue<String>();
				var down = new AtomicBoolean();
				var duringOutage = new ConcurrentHashMap<Integer, AtomicInteger>();
				var stop = new AtomicBoolean();
				var sequence = new AtomicInteger();
				var clients = Executors.newFixedThreadPool(2);
				for (int c = 0; c < 2; c++) {
					clients.submit(() -> {
						while (!stop.get()) {
							int n = sequence.incrementAndGet();
							try {
								var response = NodeHttp.postJson(node, "/api/leads", "alice", """
										{"company":"Restart %d Ltd","contactName":"Robin Restart","email":"robin%d@restart%d.example",
										 "source":"PHONE","region":"APAC"}""".formatted(n, n, n));
								statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
								if (down.get()) {
									duringOutage.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
								}
								if (response.statusCode() == 201) {
									var id = LEAD_ID.matcher(response.body());
									if (id.find()) {
										acknowledged.add(Long.parseLong(id.group(1)));
									}
								}
								else if (response.statusCode() == 503) {
									unavailableBodies.add(response.headers().firstValue("Content-Type").orElse("") + " "
											+ response.body());
									AppNode.sleep(200);
								}
							}
							catch (Exception ex) {
								statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
							}
						}
					});
				}
				await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 3);

				postgres.stop();
				down.set(true);
				AppNode.sleep(3_000);
				var tasksWhileDown = NodeHttp.get(node, "/api/tasks", "alice");
				var engineWhileDown = NodeHttp.get(node, "/engine-rest/process-definition/count", "admin");
				down.set(false);
				int beforeRestart = acknowledged.size();
				postgres.start();

				await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= beforeRestart + 3);
				stop.set(true);
				clients.shutdown();
				assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

				System.out.printf("postgres restart: answers by status %s (during the outage %s); leads acknowledged %d,"
						+ " %d of them after the restart%n", statuses, duringOutage, acknowledged.size(),
						acknowledged.size() - beforeRestart);
				assertThat(tasksWhileDown.statusCode()).as(tasksWhileDown.body()).isEqualTo(503);
				assertThat(tasksWhileDown.headers().firstValue("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(engineWhileDown.statusCode()).as(engineWhileDown.body()).isEqualTo(503);
				assertThat(statuses.keySet()).as("answers by status: " + statuses).containsOnly(201, 503);
				assertThat(unavailableBodies).isNotEmpty()
					.allSatisfy(body -> assertThat(body).startsWith("application/problem+json").contains("\"status\":503"));

				try (var db = DriverManager.getConnection(database, AppNode.user(), AppNode.password())) {
					for (long lead : acknowledged) {
						assertThat(count(db, "select count(*) from crm_lead where id = " + lead)).as("lead " + lead).isEqualTo(1);
					}
					assertThat(count(db, "select count(*) from crm_lead l where (select count(*) from act_hi_procinst p"
							+ " where p.proc_def_key_ = 'lead-to-sale' and p.business_key_ = cast(l.id as varchar)) <> 1"))
						.as("lead rows without exactly one process instance").isZero();
					assertThat(count(db, "select count(*) from act_hi_procinst p where p.proc_def_key_ = 'lead-to-sale'"
							+ " and not exists (select 1 from crm_lead l where cast(l.id as varchar) = p.business_key_)"))
						.as("process instances without their lead").isZero();
				}
			}
		}
	}

	static long count(Connection db, String sql) throws Exception {
		try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
