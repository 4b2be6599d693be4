package dev.lodestar.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.LodestarIntegrationTest;

/** Publishing stays with service managers: a rewrite of a published article waits for one. */
@LodestarIntegrationTest
class KnowledgeRevisionIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void anAgentsRewriteOfAPublishedArticleStaysUnreadUntilAManagerPublishesItAndTheHistoryKeepsBoth() throws Exception {
		String word = "rev" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		long id = publishedArticle(word, "Hex key sizes", "Use the 4 mm key from the bag.");

		HttpResponse<String> rewritten = send("PUT", "/api/knowledge/articles/" + id, "carol", """
				{"title": "Hex key sizes", "body": "Use the 5 mm key, %s rewritten.", "tags": ["assembly"]}
				""".formatted(word));
		assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(200);
		JsonNode asWriter = json.readTree(rewritten.body());
		assertThat(asWriter.get("body").asText()).isEqualTo("Use the 4 mm key from the bag.");
		assertThat(asWriter.get("pendingRevision").get("body").asText()).contains("5 mm");
		assertThat(asWriter.get("pendingRevision").get("writtenBy").asText()).isEqualTo("carol");
		assertThat(asWriter.get("pendingRevision").get("publishedBy").isNull()).isTrue();

		// readers, the search and the agent's own reading keep the published text, still dave's
		JsonNode asReader = json.readTree(send("GET", "/api/knowledge/articles/" + id, "alice", null).body());
		assertThat(asReader.get("body").asText()).isEqualTo("Use the 4 mm key from the bag.");
		assertThat(asReader.get("publishedBy").asText()).isEqualTo("dave");
		assertThat(asReader.get("pendingRevision").isNull()).as("readers do not see drafts").isTrue();
		assertThat(json.readTree(send("GET", "/api/knowledge/articles?q=" + word, "alice", null).body()))
			.as("the draft's new word finds nothing yet").isEmpty();
		assertThat(json.readTree(send("GET", "/api/knowledge/articles/" + id, "carol", null).body()).get("body").asText())
			.isEqualTo("Use the 4 mm key from the bag.");

		// the agent cannot publish it, and a manager who read an older revision is told to read again
		assertThat(send("POST", "/api/knowledge/articles/" + id + "/publish", "carol", null).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/knowledge/articles/" + id + "/publish?revision=1", "dave", null).statusCode())
			.isEqualTo(409);

		HttpResponse<String> published = send("POST", "/api/knowledge/articles/" + id + "/publish?revision=2", "dave", null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		asReader = json.readTree(send("GET", "/api/knowledge/articles/" + id, "alice", null).body());
		assertThat(asReader.get("body").asText()).isEqualTo("Use the 5 mm key, " + word + " rewritten.");
		assertThat(asReader.get("tags").get(0).asText()).isEqualTo("assembly");
		assertThat(ids(send("GET", "/api/knowledge/articles?q=" + word, "alice", null))).containsExactly(id);
		assertThat(send("POST", "/api/knowledge/articles/" + id + "/publish", "dave", null).statusCode())
			.as("nothing new to publish").isEqualTo(409);

		JsonNode history = json.readTree(send("GET", "/api/knowledge/articles/" + id + "/revisions", "dave", null).body());
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("number").asInt()).isEqualTo(2);
		assertThat(history.get(0).get("writtenBy").asText()).isEqualTo("carol");
		assertThat(history.get(0).get("publishedBy").asText()).isEqualTo("dave");
		assertThat(history.get(0).get("body").asText()).contains("5 mm");
		assertThat(history.get(1).get("number").asInt()).isEqualTo(1);
		assertThat(history.get(1).get("writtenBy").asText()).isEqualTo("carol");
		assertThat(history.get(1).get("publishedBy").asText()).isEqualTo("dave");
		assertThat(history.get(1).get("body").asText()).isEqualTo("Use the 4 mm key from the bag.");
		assertThat(history.get(0).get("publishedAt").asText()).isGreaterThan(history.get(1).get("publishedAt").asText());
		assertThat(send("GET", "/api/knowledge/articles/" + id + "/revisions", "alice", null).statusCode()).isEqualTo(403);
	}

	@Test
	void aDraftNobodyPublishedChangesInPlaceAndStaysHiddenFromReaders() throws Exception {
		HttpResponse<String> drafted = send("POST", "/api/knowledge/articles", "carol",
				"{\"title\": \"Sofa legs\", \"body\": \"Screw them in by hand.\"}");
		long id = json.readTree(drafted.body()).get("id").asLong();
		HttpResponse<String> rewritten = send("PUT", "/api/knowledge/articles/" + id, "carol",
				"{\"title\": \"Sofa legs\", \"body\": \"Screw them in by hand, then a quarter turn.\"}");
		JsonNode article = json.readTree(rewritten.body());
		assertThat(article.get("status").asText()).isEqualTo("DRAFT");
		assertThat(article.get("body").asText()).endsWith("quarter turn.");
		assertThat(article.get("pendingRevision").isNull()).isTrue();
		assertThat(send("GET", "/api/knowledge/articles/" + id, "alice", null).statusCode()).isEqualTo(404);
		assertThat(json.readTree(send("GET", "/api/knowledge/articles/" + id + "/revisions", "carol", null).body()))
			.hasSize(2);
	}

	@Test
	void writersRewritingAtOnceGetOneRevisionEachOrAConflictNeverAnError() throws Exception {
		long id = publishedArticle("concurrent", "Drawer runners", "Clip them in.");
		int writers = 6;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(writers);
		var calls = new ArrayList<Callable<Integer>>();
		for (int i = 0; i < writers; i++) {
			String body = "{\"title\": \"Drawer runners\", \"body\": \"Clip them in, version " + i + ".\"}";
			String writer = i % 2 == 0 ? "carol" : "dave";
			calls.add(() -> {
				start.await();
				return send("PUT", "/api/knowledge/articles/" + id, writer, body).statusCode();
			});
		}
		var futures = calls.stream().map(pool::submit).toList();
		start.countDown();
		var statuses = new ArrayList<Integer>();
		for (var f : futures) {
			statuses.add(f.get());
		}
		pool.shutdown();
		System.out.println("statuses of " + writers + " simultaneous rewrites: " + statuses);
		assertThat(statuses).as("each rewrite is a revision or a conflict").isSubsetOf(200, 409).contains(200);
		JsonNode history = json.readTree(send("GET", "/api/knowledge/articles/" + id + "/revisions", "dave", null).body());
		long ok = statuses.stream().filter(s -> s == 200).count();
		assertThat(history).hasSize((int) ok + 1);
		assertThat(json.readTree(send("GET", "/api/knowledge/articles/" + id, "alice", null).body()).get("body").asText())
			.isEqualTo("Clip them in.");
	}

	private long publishedArticle(String word, String title, String body) throws Exception {
		HttpResponse<String> drafted = send("POST", "/api/knowledge/articles", "carol",
				"{\"title\": \"%s\", \"body\": \"%s\", \"tags\": [\"%s\"]}".formatted(title, body, word));
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		long id = json.readTree(drafted.body()).get("id").asLong();
		assertThat(send("POST", "/api/knowledge/articles/" + id + "/publish", "dave", null).statusCode()).isEqualTo(200);
		return id;
	}

	private List<Long> ids(HttpResponse<String> response) throws Exception {
		var result = new ArrayList<Long>();
		json.readTree(response.body()).forEach(a -> result.add(a.get("id").asLong()));
		return result;
	}

	private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
