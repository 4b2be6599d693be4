package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two Lodestar nodes (separate JVMs) on one PostgreSQL database, one mail server. Work is
 * spread over both, one node is killed with SIGKILL mid-way, and still every async
 * continuation, every timer and every outbox message happens exactly once; a deployment made
 * on one node runs on the other; a user's session outlives the node that logged her in.
 */
@Execution(ExecutionMode.CONCURRENT) // its nodes are separate JVMs on their own database: it runs beside the suite
class ClusterIntegrationTest {

	private static final int CASES = 16;

	private static final int SMTP_PORT = AppNode.freePort();

	private static GreenMail smtp;

	private static String database;

	@BeforeAll
	static void mailServerAndDatabase() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		database = AppNode.freshDatabase("lodestar_cluster");
	}

	@AfterAll
	static void cleanUp() {
		smtp.stop();
		AppNode.dropDatabase(database);
	}

	static Map<String, String> nodeSettings() {
		return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(SMTP_PORT),
				"lodestar.notification.retry-interval", "PT2S", "lodestar.notification.lease", "PT15S",
				"lodestar.notification.overdue-scan-interval", "PT1S", "lodestar.notification.overdue-scan-lock",
				"PT5S");
	}

	@Test
	void twoNodesShareTheWorkAndLoseNothingWhenOneIsKilled() throws Exception {
		try (var a = AppNode.on("cluster-a", database, nodeSettings()).start();
				var b = AppNode.on("cluster-b", database, nodeSettings()).start()) {

			// a deployment made on B runs on A
			var deployed = deploy(b, "cluster-deployed-" + UUID.randomUUID().toString().substring(0, 8));
			var startedOnA = NodeHttp.postJson(a, "/engine-rest/process-definition/key/" + deployed + "/start", "admin",
					"{\"businessKey\":\"DEPLOYED-1\"}");
			assertThat(startedOnA.statusCode()).as(startedOnA.body()).isEqualTo(200);

			// an attachment uploaded on A is served by B byte for byte: its bytes are in the database
			attachmentOnAIsServedByB(a, b);

			// "new in your queue" defaults to the daily digest: bob wants it at once, so that each
			// case's message goes out during the test
			try (var db = connect(); var insert = db.prepareStatement(
					"insert into crm_mail_preference (user_id, kind, delivery) values ('bob', 'task-queued', 'IMMEDIATE')")) {
				insert.executeUpdate();
			}

			// bob logs in on A
			String session = NodeHttp.logIn(a, "bob");
			assertThat(NodeHttp.getWithSession(a, "/api/tasks", session).statusCode()).isEqualTo(200);

			// work spread over both nodes: each case continues asynchronously, waits on a timer,
			// then queues a task whose creation mails the role (bob)
			var nodes = List.of(a, b);
			var cases = new ArrayList<String>();
			for (int i = 0; i < CASES; i++) {
				String key = "CW-" + i;
				var response = NodeHttp.postJson(nodes.get(i % 2), "/engine-rest/process-definition/key/cluster-work/start",
						"admin", "{\"businessKey\":\"" + key + "\",\"variables\":{\"wait\":{\"value\":\"PT4S\",\"type\":\"String\"}}}");
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				cases.add(key);
			}

			// the overdue scan (every second on each node) runs once per lock period (5 s) across both
			var scans = new java.util.TreeSet<java.sql.Timestamp>();
			var scanners = new java.util.TreeSet<String>();
			long watchUntil = System.nanoTime() + Duration.ofSeconds(12).toNanos();
			try (var db = connect()) {
				while (System.nanoTime() < watchUntil) {
					try (var statement = db.createStatement();
							var rows = statement.executeQuery("select locked_at, locked_by from shedlock where name = 'overdue-task-scan'")) {
						if (rows.next()) {
							scans.add(rows.getTimestamp(1));
							scanners.add(rows.getString(2));
						}
					}
					AppNode.sleep(200);
				}
			}
			assertThat(scans).as("overdue scans seen").hasSizeGreaterThanOrEqualTo(2);
			var times = new ArrayList<>(scans);
			for (int i = 1; i < times.size(); i++) {
				assertThat(times.get(i).getTime() - times.get(i - 1).getTime()).as("pause between two scans of the cluster, ms")
					.isGreaterThanOrEqualTo(4_900);
			}

			a.kill();

			// bob's session lives in the database: node B knows him
			var onB = NodeHttp.getWithSession(b, "/api/tasks", session);
			assertThat(onB.statusCode()).as("the session of dead node A on node B").isEqualTo(200);
			var pageOnB = NodeHttp.getWithSession(b, "/", session);
			assertThat(pageOnB.statusCode()).as("My work on node B, no login again").isEqualTo(200);

			// B takes over A's jobs (their locks run out) and finishes every case's timer
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				try (var db = connect()) {
					assertThat(count(db, "select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
							+ " where e.business_key_ like 'CW-%' and t.task_def_key_ = 'Task_Check'")).isEqualTo(CASES);
				}
			});
			try (var db = connect()) {
				assertThat(perCase(db, "Task_Async")).as("async continuations per case").containsOnlyKeys(cases)
					.allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
				assertThat(perCase(db, "Timer_Wait")).as("timers fired per case").containsOnlyKeys(cases)
					.allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
				assertThat(perCase(db, "Task_Check")).as("tasks created per case")
					.allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
				assertThat(count(db, "select count(*) from act_ru_job j join act_ru_execution e on e.proc_inst_id_ = j.process_instance_id_"
						+ " where e.business_key_ like 'CW-%'")).as("jobs left").isZero();
			}

			// every queued message went out, once: one mail per case to bob, the only sales manager
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(mailsPerCase()).hasSize(CASES));
			AppNode.sleep(5_000); // a retry round of B, which would send a message twice if it could
			var mails = mailsPerCase();
			assertThat(mails).containsOnlyKeys(cases).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
			// a message that node A held when it was killed goes out from B once A's lease ran out
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				try (var db = connect()) {
					assertThat(count(db, "select count(*) from crm_notification where status <> 'SENT'")).isZero();
				}
			});
			System.out.printf("cluster: %d cases over 2 nodes, node A killed; %d timers, %d async continuations,"
					+ " %d mails, each once; %d overdue scans in 12 s by %s%n", CASES, CASES, CASES, mails.size(), scans.size(),
					scanners);
		}
	}

	private static String deploy(AppNode node, String key) throws Exception {
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="https://lodestar.dev/test">
				  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
				    <bpmn:userTask id="t" name="Deployed elsewhere" camunda:candidateGroups="camunda-admin"/>
				    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/><bpmn:endEvent id="e"/>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key);
		String boundary = "----lodestar" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
				+ ".bpmn\"\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
		var response = NodeHttp.send(HttpRequest.newBuilder(node.uri("/engine-rest/deployment/create"))
			.header("Authorization", NodeHttp.basic("admin"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return key;
	}

	private static void attachmentOnAIsServedByB(AppNode a, AppNode b) throws Exception {
		var customer = NodeHttp.postJson(a, "/api/customers", "carol", "{\"kind\":\"PERSON\",\"name\":\"Cluster Photo\","
				+ "\"email\":\"cluster-photo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com\"}");
		assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
		long customerId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(customer.body())
			.path("customer").path("id").asLong();
		byte[] png = new byte[300];
		byte[] magic = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
		System.arraycopy(magic, 0, png, 0, magic.length);
		for (int i = magic.length; i < png.length; i++) {
			png[i] = (byte) (i * 7);
		}
		String boundary = "----lodestar" + UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(png);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var uploaded = NodeHttp.send(HttpRequest.newBuilder(a.uri("/api/customers/" + customerId + "/attachments"))
			.header("Authorization", NodeHttp.basic("carol"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		var onB = java.net.http.HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(b.uri(location)).header("Authorization", NodeHttp.basic("dave")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).isEqualTo(png);
	}

	private Map<String, Integer> mailsPerCase() throws MessagingException {
		var perCase = new TreeMap<String, Integer>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			String subject = message.getSubject();
			if (subject != null && subject.contains("Cluster check (CW-")) {
				String key = subject.substring(subject.indexOf("(CW-") + 1, subject.lastIndexOf(')'));
				perCase.merge(key, 1, Integer::sum);
			}
		}
		return perCase;
	}

	private static Map<String, Integer> perCase(Connection db, String activity) throws Exception {
		var result = new TreeMap<String, Integer>();
		try (var statement = db.prepareStatement("select p.business_key_, count(a.id_) from act_hi_actinst a"
				+ " join act_hi_procinst p on p.id_ = a.proc_inst_id_ where p.business_key_ like 'CW-%' and a.act_id_ = ?"
				+ " group by p.business_key_")) {
			statement.setString(1, activity);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					result.put(rows.getString(1), rows.getInt(2));
				}
			}
		}
		return result;
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
