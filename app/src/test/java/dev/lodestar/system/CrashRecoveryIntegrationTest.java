package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A node under concurrent lead capture and task completion is killed with SIGKILL and started
 * again: every request it acknowledged is there exactly once (the lead row, its process
 * instance and its task; the completed task gone from the queue and ended in the history),
 * nothing is half-written, and the messages queued before the kill go out after the restart.
 */
@Execution(ExecutionMode.CONCURRENT) // its nodes are separate JVMs on their own database: it runs beside the suite
class CrashRecoveryIntegrationTest {

	private static final Pattern LEAD_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final int TASKS = 60;

	private static final int SMTP_PORT = AppNode.freePort();

	private static GreenMail smtp;

	private static String database;

	@BeforeAll
	static void mailServerAndDatabase() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		database = AppNode.freshDatabase("lodestar_crash");
	}

	@AfterAll
	static void cleanUp() {
		smtp.stop();
		AppNode.dropDatabase(database);
	}

	@Test
	void everyAcknowledgedRequestSurvivesASigkillExactlyOnce() throws Exception {
		try (var node = AppNode.on("crash", database, Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port",
				String.valueOf(SMTP_PORT), "lodestar.notification.retry-interval", "PT2S", "lodestar.notification.lease",
				"PT5S", "lodestar.notification.first-backoff", "PT0.5S", "lodestar.notification.max-attempts", "50")).start()) {
			var open = new ConcurrentLinkedQueue<String>(openTasks(TASKS, node));
			// every user is told of new work in their queue at once (not in the digest), and the mail
			// server is down until after the restart: what the load queues is still unsent at the kill
			try (var db = connect(); var st = db.createStatement()) {
				st.executeUpdate("insert into crm_mail_preference (user_id, kind, delivery)"
						+ " select id_, 'task-queued', 'IMMEDIATE' from act_id_user");
			}
			smtp.stop();

			var leadsAcknowledged = ConcurrentHashMap.<Long>newKeySet();
			var completionsAcknowledged = ConcurrentHashMap.<String>newKeySet();
			var failed = new AtomicInteger();
			var stop = new AtomicBoolean();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			var sequence = new AtomicInteger();
			for (int c = 0; c < 2; c++) {
				clients.submit(() -> captureLeads(node, sequence, leadsAcknowledged, failed, stop));
				clients.submit(() -> completeTasks(node, open, completionsAcknowledged, failed, stop));
			}
			await().atMost(Duration.ofSeconds(60))
				.until(() -> leadsAcknowledged.size() >= 8 && completionsAcknowledged.size() >= 8);
			node.kill();
			stop.set(true);
			clients.shutdown();
			assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			int leadsBeforeKill = leadsAcknowledged.size();
			int completionsBeforeKill = completionsAcknowledged.size();
			long unsentAtKill;
			try (var db = connect()) {
				unsentAtKill = count(db, "select count(*) from crm_notification where status = 'PENDING'");
			}
			assertThat(unsentAtKill).as("messages queued and unsent when the node was killed").isPositive();
			smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();

			node.start();

			try (var db = connect()) {
				int leadsFound = 0;
				for (long lead : leadsAcknowledged) {
					assertThat(count(db, "select count(*) from crm_lead where id = " + lead)).as("lead " + lead).isEqualTo(1);
					assertThat(count(db, "select count(*) from act_hi_procinst where proc_def_key_ = 'lead-to-sale'"
							+ " and business_key_ = '" + lead + "'")).as("process instances of lead " + lead).isEqualTo(1);
					assertThat(count(db, "select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
							+ " where e.business_key_ = '" + lead + "' and e.proc_def_id_ like 'lead-to-sale:%'"))
						.as("open tasks of lead " + lead).isEqualTo(1);
					leadsFound++;
				}
				// nothing half-written: every lead row has its one process instance, and the other way round
				assertThat(count(db, "select count(*) from crm_lead l where (select count(*) from act_hi_procinst p"
						+ " where p.proc_def_key_ = 'lead-to-sale' and p.business_key_ = cast(l.id as varchar)) <> 1")).isZero();
				assertThat(count(db, "select count(*) from act_hi_procinst p where p.proc_def_key_ = 'lead-to-sale'"
						+ " and not exists (select 1 from crm_lead l where cast(l.id as varchar) = p.business_key_)")).isZero();

				int completionsFound = 0;
				for (String task : completionsAcknowledged) {
					assertThat(count(db, "select count(*) from act_ru_task where id_ = '" + task + "'")).as("task " + task)
						.isZero();
					assertThat(count(db, "select count(*) from act_hi_taskinst where id_ = '" + task
							+ "' and end_time_ is not null")).as("history of task " + task).isEqualTo(1);
					assertThat(count(db, "select count(*) from act_hi_procinst p join act_hi_taskinst t on t.proc_inst_id_ = p.id_"
							+ " where t.id_ = '" + task + "' and p.end_time_ is not null")).as("case of task " + task).isEqualTo(1);
					completionsFound++;
				}
				long rowsTotal = count(db, "select count(*) from crm_lead");
				System.out.printf("crash: SIGKILL under load; leads acknowledged %d, found once after restart %d (rows %d,"
						+ " %d more in flight and written whole); task completions acknowledged %d, found done once %d;"
						+ " failed requests around the kill %d%n", leadsBeforeKill, leadsFound, rowsTotal,
						rowsTotal - leadsFound, completionsBeforeKill, completionsFound, failed.get());
			}

			// the outbox: what was queued before the kill goes out after the restart
			await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				try (var db = connect()) {
					assertThat(count(db, "select count(*) from crm_notification where status <> 'SENT'")).isZero();
				}
			});
			try (var db = connect()) {
				long queued = count(db, "select count(*) from crm_notification");
				// the mail server was down until the restart: everything it received was sent after it
				assertThat(smtp.getReceivedMessages().length).isGreaterThanOrEqualTo((int) unsentAtKill);
				System.out.printf("crash: %d messages queued, %d of them unsent at the kill (mail server down);"
						+ " all sent after the restart (%d received by the mail server)%n", queued, unsentAtKill,
						smtp.getReceivedMessages().length);
			}
		}
	}

	private static List<String> openTasks(int n, AppNode node) throws Exception {
		for (int i = 0; i < n; i++) {
			var response = NodeHttp.postJson(node, "/engine-rest/process-definition/key/bench-work/start", "admin",
					"{\"businessKey\":\"CRASH-" + i + "\",\"variables\":{\"role\":{\"value\":\"sales-rep\"},"
							+ "\"priority\":{\"value\":50,\"type\":\"Integer\"},"
							+ "\"dueDate\":{\"value\":\"2099-01-01T00:00:00.000+0000\",\"type\":\"Date\"},"
							+ "\"followUpDate\":{\"value\":\"2098-01-01T00:00:00.000+0000\",\"type\":\"Date\"}}}");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
		var ids = new ArrayList<String>();
		try (var db = connect(); var statement = db.createStatement();
				var rows = statement.executeQuery("select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
						+ " where e.business_key_ like 'CRASH-%'")) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		assertThat(ids).hasSize(n);
		return ids;
	}

	private static void captureLeads(AppNode node, AtomicInteger sequence, Set<Long> acknowledged, AtomicInteger failed,
			AtomicBoolean stop) {
		while (!stop.get()) {
			int n = sequence.incrementAndGet();
			try {
				// the sales manager's leads go to the reps' queue (a rep's own would be hers): each
				// tells the reps of new work, so mail is queued
				var response = NodeHttp.postJson(node, "/api/leads", "bob", """
						{"company":"Crash Test %d Ltd","contactName":"Pat Crash","email":"pat%d@crash%d.example",
						 "phone":"+44 20 7946 %04d","source":"WEB","region":"EMEA"}""".formatted(n, n, n, n % 10000));
				if (response.statusCode() == 201) {
					var id = LEAD_ID.matcher(response.body());
					if (id.find()) {
						acknowledged.add(Long.parseLong(id.group(1)));
					}
				}
				else {
					failed.incrementAndGet();
				}
			}
			catch (Exception ex) {
				failed.incrementAndGet();
				AppNode.sleep(100);
			}
		}
	}

	private static void completeTasks(AppNode node, Queue<String> open, Set<String> acknowledged, AtomicInteger failed,
			AtomicBoolean stop) {
		String task;
		while (!stop.get() && (task = open.poll()) != null) {
			try {
				var response = NodeHttp.postJson(node, "/api/tasks/" + task + "/complete", "alice", "{\"done\":true}");
				if (response.statusCode() == 204) {
					acknowledged.add(task);
				}
				else {
					failed.incrementAndGet();
				}
			}
			catch (Exception ex) {
				failed.incrementAndGet();
				AppNode.sleep(100);
			}
		}
	}

	static Connection connect() throws Exception {
		return DriverManager.getConnection(database, AppNode.user(), AppNode.password());
	}

	static long count(Connection db, String sql) throws Exception {
		try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
