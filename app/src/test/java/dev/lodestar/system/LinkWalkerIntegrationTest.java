package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.lodestar.LodestarIntegrationTest;

/**
 * Walks the web app as each demo user: from their start page, breadth-first over same-origin
 * links (bounded: a few pages per shape of address, so /leads/1 and /leads/2 count as one), every
 * link answers 200 with a page. Header links that a user is not shown answer 403 or 404 for
 * them, and so do other roles' tasks and cases. Every link in the e-mails the demo sent (the day's
 * digests included) opens for its recipient, and not for a user of an unrelated role. Generic on purpose: pages other modules add are walked as soon as they are linked.
 */
@LodestarIntegrationTest
class LinkWalkerIntegrationTest {

	private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "admin");

	/** Not pages of this app: Camunda's own apps (their own login), the API's docs, logging out. */
	private static final List<String> OUTSIDE = List.of("/camunda/", "/swagger-ui", "/v3/api-docs", "/engine-rest",
			"/logout", "/css/", "/js/", "/vendor/", "/img/", "/actuator");

	private static final Pattern HREF = Pattern.compile("href=\"([^\"#]*)[^\"]*\"");
	private static final Pattern NAV = Pattern.compile("<a id=\"(nav-[a-z-]+)\"[^>]*href=\"([^\"]+)\"");
	private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s\"'<>)]+");

	private static final int PAGES_PER_SHAPE = 3;
	private static final int MAX_PAGES = 120;

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyLinkEachDemoUserCanReachAnswersWithAPage() {
		Map<String, String> failures = new LinkedHashMap<>();
		for (String user : USERS) {
			Session session = Session.logIn(port, user);
			Map<String, Integer> shapes = new HashMap<>();
			Set<String> seen = new LinkedHashSet<>();
			ArrayDeque<String> queue = new ArrayDeque<>(List.of("/"));
			while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
				String path = queue.poll();
				if (!seen.add(path) || shapes.merge(shape(path), 1, Integer::sum) > PAGES_PER_SHAPE) {
					continue;
				}
				HttpResponse<String> page = session.get(path);
				if (page.statusCode() != 200 || !isPage(page)) {
					failures.put(user + " " + path, page.statusCode() + " " + page.headers().firstValue("Content-Type").orElse(""));
					continue;
				}
				for (String link : links(page.body())) {
					if (link.startsWith("/api/")) {
						failures.put(user + " " + path, "links to the API: " + link);
					}
					else if (!seen.contains(link)) {
						queue.add(link);
					}
				}
			}
			assertThat(seen).as("pages " + user + " reached").hasSizeGreaterThan(2);
		}
		assertThat(failures).as("links that did not answer with a page").isEmpty();
	}

	@Test
	void theHeaderLinksAUserIsNotShownAnswer403Or404ForThem() {
		Map<String, Map<String, String>> nav = new LinkedHashMap<>();
		Map<String, Session> sessions = new LinkedHashMap<>();
		for (String user : USERS) {
			Session session = Session.logIn(port, user);
			sessions.put(user, session);
			Map<String, String> links = new LinkedHashMap<>();
			Matcher m = NAV.matcher(session.get("/").body());
			while (m.find()) {
				links.put(m.group(1), m.group(2));
			}
			nav.put(user, links);
		}
		Map<String, String> everyLink = new LinkedHashMap<>();
		nav.values().forEach(everyLink::putAll);
		Map<String, String> failures = new LinkedHashMap<>();
		int checked = 0;
		for (String user : USERS) {
			for (var link : everyLink.entrySet()) {
				if (nav.get(user).containsKey(link.getKey()) || outside(link.getValue())) {
					continue;
				}
				HttpResponse<String> page = sessions.get(user).get(link.getValue());
				checked++;
				if ((page.statusCode() != 403 && page.statusCode() != 404) || !isPage(page)) {
					failures.put(user + " " + link.getValue(), String.valueOf(page.statusCode()));
				}
			}
		}
		assertThat(checked).isPositive();
		assertThat(failures).as("hidden header links that opened anyway (or answered without a page)").isEmpty();
	}

	@Test
	void otherRolesTasksAnswerWithANotFoundPage() {
		Map<String, String> failures = new LinkedHashMap<>();
		Map<String, List<String>> strangers = Map.of("lead-to-sale", List.of("grace", "erin"), "complaint-to-resolution",
				List.of("alice", "grace"));
		strangers.forEach((process, users) -> {
			List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(process).listPage(0, 3);
			assertThat(tasks).as("demo tasks of " + process).isNotEmpty();
			for (String user : users) {
				Session session = Session.logIn(port, user);
				for (Task task : tasks) {
					HttpResponse<String> page = session.get("/tasks/" + task.getId());
					if (page.statusCode() != 404 || !isPage(page) || page.body().contains(task.getName())) {
						failures.put(user + " /tasks/" + task.getId() + " (" + process + ")", String.valueOf(page.statusCode()));
					}
				}
			}
		});
		assertThat(failures).isEmpty();
	}

	/**
	 * The kinds of mail that point at a case (a task, a lead, a complaint): each must be among the
	 * mails walked, so that a template whose link breaks, or a kind that stops being sent, fails here.
	 */
	private static final Set<String> KINDS_WITH_CASE_LINKS = Set.of("task-assigned", "task-overdue",
			"lead-returned-to-queue", "complaint-escalated", "complaint-resolved", "digest");

	/** For each kind of case page, users whose roles have nothing to do with it. */
	private static final Map<String, List<String>> STRANGERS = Map.of("lead-to-sale", List.of("grace"),
			"complaint-to-resolution", List.of("alice", "grace"), "/leads/", List.of("grace"), "/complaints/",
			List.of("alice", "grace"));

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	org.camunda.bpm.engine.HistoryService historyService;

	@Test
	void everyLinkInTheMailsOpensForItsRecipientAndForNobodyOfAnUnrelatedRole() throws Exception {
		// the day's digests (07:00) and the overdue scan would come later: send them now, so that
		// their links are walked too
		invoke("dev.lodestar.notification.OverdueTaskScanner", "scan");
		invoke("dev.lodestar.notification.DigestSender", "sendDigests");

		List<Map<String, Object>> mails = jdbc.queryForList(
				"select kind, recipient_user_id, body_text, body_html from crm_notification order by id");
		assertThat(mails).as("mails of the demo").isNotEmpty();
		Map<String, Session> sessions = new HashMap<>();
		Map<String, String> failures = new LinkedHashMap<>();
		Set<String> kindsWithLinks = new LinkedHashSet<>();
		Set<String> checked = new LinkedHashSet<>();
		Map<String, Integer> shapes = new HashMap<>();
		int triedByStrangers = 0;
		for (Map<String, Object> mail : mails) {
			String kind = String.valueOf(mail.get("kind"));
			String user = (String) mail.get("recipient_user_id");
			Set<String> paths = new LinkedHashSet<>();
			for (String body : new String[] { (String) mail.get("body_text"), (String) mail.get("body_html") }) {
				if (body == null) {
					continue;
				}
				Matcher m = URL_IN_TEXT.matcher(body);
				while (m.find()) {
					URI uri = URI.create(m.group().replace("&amp;", "&"));
					paths.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
				}
			}
			if (!paths.isEmpty()) {
				kindsWithLinks.add(kind);
			}
			for (String path : paths) {
				// every kind's links are tried, a few of each shape of address
				if (!checked.add(user + " " + path) || shapes.merge(kind + " " + shape(path), 1, Integer::sum) > PAGES_PER_SHAPE) {
					continue;
				}
				Session session = user == null ? Session.anonymous(port)
						: sessions.computeIfAbsent(user, u -> Session.logIn(port, u));
				HttpResponse<String> page = session.get(path);
				// a customer's confirmation link is single-use and expires: once answered (other tests
				// answer some) or past its window it answers 410 with a page saying so
				boolean gone = page.statusCode() == 410 && path.startsWith("/public/complaints/confirmation/");
				// a digest lists the tasks open for its recipient when it was written: other tests of
				// the shared context take some away from her since (a role removed from the task, the
				// case deleted); such a task does not exist for her any more, and says so (404)
				boolean movedAway = page.statusCode() == 404 && path.startsWith("/tasks/")
						&& !stillFor(user, path.substring("/tasks/".length()));
				if ((page.statusCode() != 200 && !gone && !movedAway) || !isPage(page)) {
					failures.put(kind + " to " + user + ": " + path, String.valueOf(page.statusCode()));
				}
				if (user == null) {
					continue; // a customer's link carries its own token: it is for whoever holds the mail
				}
				for (String stranger : strangersOf(path)) {
					if (stranger.equals(user)) {
						continue;
					}
					HttpResponse<String> denied = sessions.computeIfAbsent(stranger, u -> Session.logIn(port, u)).get(path);
					triedByStrangers++;
					if ((denied.statusCode() != 403 && denied.statusCode() != 404) || !isPage(denied)) {
						failures.put(kind + " to " + user + ", opened by " + stranger + ": " + path,
								String.valueOf(denied.statusCode()));
					}
				}
			}
		}
		assertThat(kindsWithLinks).as("kinds of mail with links").containsAll(KINDS_WITH_CASE_LINKS);
		assertThat(triedByStrangers).as("mail links tried by users of unrelated roles").isGreaterThan(3);
		assertThat(failures).as("links in mails that did not open a page for their recipient, or opened for a stranger")
			.isEmpty();
	}

	@Test
	void aLeadAndAComplaintPageAnswer403ToRolesThatMayNotSeeThem() {
		Long lead = jdbc.queryForObject("select min(id) from crm_lead", Long.class);
		Long complaint = jdbc.queryForObject("select min(id) from crm_complaint", Long.class);
		assertThat(lead).as("a demo lead").isNotNull();
		assertThat(complaint).as("a demo complaint").isNotNull();
		Map<String, String> failures = new LinkedHashMap<>();
		Map<String, String> pages = Map.of("/leads/" + lead, "/leads/", "/complaints/" + complaint, "/complaints/");
		pages.forEach((path, kind) -> {
			for (String stranger : STRANGERS.get(kind)) {
				HttpResponse<String> page = Session.logIn(port, stranger).get(path);
				if (page.statusCode() != 403 || !isPage(page)) {
					failures.put(stranger + " " + path, String.valueOf(page.statusCode()));
				}
			}
		});
		// and those who may see them do
		assertThat(Session.logIn(port, "alice").get("/leads/" + lead).statusCode()).isEqualTo(200);
		assertThat(Session.logIn(port, "carol").get("/complaints/" + complaint).statusCode()).isEqualTo(200);
		assertThat(failures).as("case pages that opened for a role that may not see them").isEmpty();
	}

	/** Users of roles unrelated to the case a path opens; none for pages that are everybody's. */
	private List<String> strangersOf(String path) {
		String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		if (plain.startsWith("/tasks/")) {
			String taskId = plain.substring("/tasks/".length());
			var task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
			return task == null ? List.of() : STRANGERS.getOrDefault(task.getProcessDefinitionKey(), List.of());
		}
		return STRANGERS.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("/") && plain.startsWith(e.getKey()) && plain.length() > e.getKey().length())
			.findFirst()
			.map(Map.Entry::getValue)
			.orElse(List.of());
	}

	/** Runs a scheduled job of another module now, as its schedule would (the job is not public API). */
	private void invoke(String beanClass, String method) throws ClassNotFoundException {
		org.springframework.test.util.ReflectionTestUtils.invokeMethod(context.getBean(Class.forName(beanClass)), method);
	}

	// ---- helpers ----------------------------------------------------------------------------

	private static boolean isPage(HttpResponse<String> response) {
		String type = response.headers().firstValue("Content-Type").orElse("");
		// an export button downloads a file (a zip of the models, a CSV): that is what it promises
		boolean download = response.statusCode() == 200
				&& response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment");
		return download || type.startsWith("text/html") && !response.body().contains("Whitelabel");
	}

	private static boolean outside(String path) {
		return OUTSIDE.stream().anyMatch(path::startsWith);
	}

	/** Same-origin page links of a page, without the language switch and the app's assets. */
	private static Set<String> links(String html) {
		Set<String> links = new LinkedHashSet<>();
		Matcher m = HREF.matcher(html);
		while (m.find()) {
			String link = m.group(1).replace("&amp;", "&");
			if (link.isEmpty() || !link.startsWith("/") || link.startsWith("//") || outside(link)
					|| link.contains("lang=")) {
				continue;
			}
			links.add(link);
		}
		return links;
	}

	/** /leads/12?done=x and /leads/7 have the same shape: numbers, ids and queries do not count. */
	private static String shape(String path) {
		String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) + "?" : path;
		return withoutQuery.replaceAll("/[0-9a-f-]{8,}", "/{id}").replaceAll("/\\d+", "/{n}");
	}

	/** One signed-in browser session: cookies kept, redirects followed. */
	record Session(HttpClient http, int port) {

		static Session anonymous(int port) {
			return new Session(HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NORMAL)
				.connectTimeout(Duration.ofSeconds(10))
				.build(), port);
		}

		static Session logIn(int port, String user) {
			Session session = anonymous(port);
			String login = session.get("/login").body();
			Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
			assertThat(csrf.find()).as("login form's CSRF token").isTrue();
			String form = "username=" + user + "&password=" + user + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			try {
				HttpResponse<String> done = session.http.send(HttpRequest.newBuilder(session.uri("/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(done.uri().getPath()).as(user + " logged in").isNotEqualTo("/login");
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			return session;
		}

		URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}

		HttpResponse<String> get(String path) {
			try {
				return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
						HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Whether the task is open for {@code user} now (assignee or candidate) or ended with her part in it. */
	private boolean stillFor(String user, String taskId) {
		if (user == null) {
			return false;
		}
		Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			var ended = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
			return ended != null && ended.getEndTime() != null && user.equals(ended.getAssignee());
		}
		if (user.equals(task.getAssignee())) {
			return true;
		}
		var groups = jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class, user);
		return taskService.getIdentityLinksForTask(taskId).stream()
			.anyMatch(link -> "candidate".equals(link.getType())
					&& (user.equals(link.getUserId()) || groups.contains(link.getGroupId())));
	}

}
