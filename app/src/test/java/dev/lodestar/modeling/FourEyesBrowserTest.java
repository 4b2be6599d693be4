package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.access.Roles;
import dev.lodestar.worklist.Caller;

/**
 * Four eyes in a real browser: with the setting on, frank's model page offers no Deploy but
 * "Request review", which keeps his change as a draft and opens the change request's page,
 * where he cannot approve; henry reads the changes and the check by element names, tries the
 * replay, comments on the changed task, and — in Chinese — approves and deploys it, each action
 * answered on the page. Screenshots in English and Chinese land in target/screenshots.
 */
@LodestarIntegrationTest
class FourEyesBrowserTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final Caller ADMIN = new Caller("admin", List.of(Roles.CAMUNDA_ADMIN));

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@LocalServerPort
	int port;

	@Autowired
	FourEyes fourEyes;

	@Autowired
	ModelService models;

	@Autowired
	ObjectMapper json;

	@AfterEach
	void fourEyesBackToTheTestDefault() {
		fourEyes.set(ADMIN, false);
	}

	@Test
	void frankRequestsAReviewHenryCommentsApprovesAndDeploysIt() throws Exception {
		String key = "four-eyes-page-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		assertThat(post("/api/models", "frank", Map.of("kind", "BPMN", "key", key, "start", "TEMPLATE"))).isEqualTo(201);
		assertThat(post("/api/models/" + key + "/deployments", "frank", Map.of("content", models.editable(key))))
			.isEqualTo(201);
		fourEyes.set(ADMIN, true);

		// frank: no Deploy while four eyes are on; Request review keeps the change and opens the request
		browser.logIn("frank");
		browser.open("/models/" + key);
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("model-page"), "data-ready", "true"));
		assertThat(browser.driver().findElements(By.id("deploy"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("four-eyes-hint")).getText()).contains("Four eyes are on");
		browser.script("""
				const m = window.modelPage.modeler;
				m.get('modeling').updateProperties(m.get('elementRegistry').get('Task_DoTheWork'),
				  { name: 'Check the figures' });""");
		browser.driver().findElement(By.id("deploy-comment")).sendKeys("clearer step");
		browser.driver().findElement(By.id("request-review")).click();
		browser.waitUntil(ExpectedConditions.urlContains("/models/" + key + "/change-requests/"));
		String page = browser.driver().getCurrentUrl().substring(browser.url("").length());
		reviewReady();
		assertThat(browser.driver().findElement(By.id("review-status")).getText()).isEqualTo("open for review");
		assertThat(browser.driver().findElement(By.id("approve")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("review-warning")).getText())
			.contains("the author cannot approve his own change");

		// henry: the change in words and diagrams, the check by names, the replay, a comment on the task
		browser.logIn("henry");
		browser.open(page);
		reviewReady();
		assertThat(browser.driver().findElement(By.id("review-changes")).getText()).contains("Check the figures");
		assertThat(browser.driver().findElement(By.id("review-check")).getText()).contains("The check passed");
		assertThat(browser.driver().findElements(By.cssSelector("#review-right .djs-element.diff-changed"))).isNotEmpty();
		browser.driver().findElement(By.id("replay")).click();
		browser.waitUntil(ExpectedConditions.not(ExpectedConditions.attributeContains(By.id("replay-summary"), "class",
				"hidden")));
		assertThat(browser.driver().findElement(By.id("replay-summary")).getText())
			.matches("Replay not available\\.|.*cases replayed.*");
		new Select(browser.driver().findElement(By.id("comment-element"))).selectByValue("Task_DoTheWork");
		browser.driver().findElement(By.id("comment-text")).sendKeys("Which figures? Name the report.");
		browser.driver().findElement(By.id("comment")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("comment-message"), "class", "info"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("review-comments"),
				"Check the figures (Task_DoTheWork)"));
		assertThat(browser.driver().findElement(By.id("approve")).isDisplayed()).isTrue();
		browser.screenshot("four-eyes-review-henry-en-comments");
		browser.script("window.scrollTo(0, 0);");
		browser.screenshot("four-eyes-review-henry-en");

		// in Chinese, henry approves and deploys: each answered on the page
		browser.open(page + "?lang=zh-CN");
		reviewReady();
		assertThat(browser.driver().findElement(By.id("approve")).getText()).isEqualTo("批准");
		assertThat(browser.driver().findElement(By.id("review-comments")).getText()).contains("Which figures?");
		browser.screenshot("four-eyes-review-henry-zh");
		browser.driver().findElement(By.id("approve")).click();
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("review-message"), "class", "info"));
		assertThat(browser.driver().findElement(By.id("review-message")).getText()).contains("已批准");
		browser.waitFor(By.id("deploy-approved")).click();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("review-message"), "版本 2"));
		assertThat(browser.driver().findElement(By.id("review-status")).getText()).isEqualTo("已部署");
		assertThat(models.latestVersion(key)).isEqualTo(2);
		assertThat(models.content(key, null)).contains("Check the figures");
		browser.screenshot("four-eyes-deployed-henry-zh");
		browser.open(page + "?lang=en-US");
	}

	private void reviewReady() {
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("review-page"), "data-ready", "true"));
	}

	private int post(String path, String user, Object body) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
