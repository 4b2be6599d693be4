package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.PageLogin;

/**
 * The pipeline board at volume: finished stages (won, lost, disqualified) are folded to their
 * count with a link to their list, so the board's HTML does not grow with the history.
 */
@LodestarIntegrationTest
class LeadBoardIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Leads leads;

	@Autowired
	LeadCapture capture;

	@Autowired
	LeadPipeline pipeline;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.RepositoryService repository;

	@Test
	void theBoardDoesNotGrowWithFinishedLeadsAndLinksToTheirList() throws Exception {
		var bob = PageLogin.as(port, "bob");
		String before = bob.get("/leads").body();
		long disqualifiedBefore = count(before, "DISQUALIFIED");

		String tag = UUID.randomUUID().toString().substring(0, 8);
		var now = Instant.now();
		long newest = 0;
		for (int i = 0; i < 120; i++) {
			var lead = new Lead("Gone " + tag + " " + i + " Holdings", "Contact " + i, null, null, LeadSource.WEB,
					Region.EMEA, Segment.SMB, new BigDecimal("1000"), null, "test", now.plusMillis(i));
			lead.routed("LOW", "sales-rep", now);
			// alice owns leads already: no new owner in the board's filter
			lead.disqualify("no budget", "alice", now);
			newest = leads.save(lead).getId();
		}

		String after = bob.get("/leads").body();
		assertThat(count(after, "DISQUALIFIED")).isEqualTo(disqualifiedBefore + 120);
		assertThat(after).doesNotContain("Gone " + tag)
			.containsPattern("id=\"list-DISQUALIFIED\"\\s+href=\"/leads\\?view=list&amp;stage=DISQUALIFIED[^\"]*\"");
		// the counts and values have a few more digits; 120 cards would be tens of kilobytes
		assertThat(after.length() - before.length()).as("growth in characters").isLessThan(40);

		var list = bob.get("/leads/list?stage=DISQUALIFIED&size=20");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("data-lead-id=\"" + newest + "\"");
		assertThat(list.body().split("class=\"stage-lead\"", -1).length - 1).isEqualTo(20);
		assertThat(bob.get("/leads/list?stage=PROPOSAL").statusCode()).isEqualTo(400);

		// the pipeline as a list: every lead of the filter, open and finished, paged and ordered on the server
		var table = bob.get("/leads?view=list&size=20&sort=company&dir=asc&region=EMEA&source=WEB");
		assertThat(table.statusCode()).isEqualTo(200);
		var rows = java.util.regex.Pattern.compile("class=\"pipeline-row\" data-lead-id=\"\\d+\" data-stage=\"(\\w+)\"")
			.matcher(table.body()).results().map(r -> r.group(1)).toList();
		assertThat(rows).hasSize(20);
		var companies = java.util.regex.Pattern.compile("<a href=\"/leads/\\d+\">([^<]+)</a>").matcher(table.body()).results()
			.map(r -> r.group(1)).toList();
		assertThat(companies).hasSize(20).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		String last = bob.get("/leads?view=list&size=20&sort=created&dir=desc&region=EMEA&source=WEB").body();
		assertThat(last).as("newest first").contains("data-lead-id=\"" + newest + "\" data-stage=\"DISQUALIFIED\"");
		assertThat(last).contains("id=\"sort-company\"").contains("pager-next");
		assertThat(bob.get("/leads?view=list&sort=secret").statusCode()).as("an unknown order").isEqualTo(400);
		assertThat(bob.get("/leads?view=list&size=5000").statusCode()).isEqualTo(400);
	}

	@Test
	void anOpenColumnShowsItsNewestCardsCountsAllAndLinksToItsList() throws Exception {
		String owner = "vol." + UUID.randomUUID().toString().substring(0, 6);
		var bob = PageLogin.as(port, "bob");
		seedQualifying(owner, "First", 60);
		String sixty = bob.get("/leads?owner=" + owner).body();
		assertThat(count(sixty, "QUALIFYING")).isEqualTo(60);
		assertThat(cards(sixty, "QUALIFYING")).hasSize(Pipeline.CARDS_PER_COLUMN);
		assertThat(sixty).doesNotContain("id=\"all-DISQUALIFIED\"").contains("the newest 20 of 60").contains(">Show all 60</a>")
			.containsPattern("id=\"all-QUALIFYING\" href=\"/leads\\?view=list&amp;stage=QUALIFYING&amp;owner=" + Pattern.quote(owner));

		long newest = seedQualifying(owner, "Later", 60);
		String more = bob.get("/leads?owner=" + owner).body();
		assertThat(count(more, "QUALIFYING")).isEqualTo(120);
		var shown = cards(more, "QUALIFYING");
		assertThat(shown).hasSize(Pipeline.CARDS_PER_COLUMN).first().isEqualTo(newest);
		assertThat(more).doesNotContain("First " + owner).contains("Show all 120");
		// sixty more leads: the same twenty cards' worth of HTML, a count with one more digit
		assertThat(Math.abs(more.length() - sixty.length())).as("growth in characters").isLessThan(60);

		// the link's list: the column's leads, every page of them, newest first (the cards are its first rows)
		var list = bob.get("/leads?view=list&stage=QUALIFYING&owner=" + owner + "&size=20");
		assertThat(list.statusCode()).isEqualTo(200);
		var rows = Pattern.compile("class=\"pipeline-row\" data-lead-id=\"(\\d+)\" data-stage=\"(\\w+)\"").matcher(list.body())
			.results().toList();
		assertThat(rows).hasSize(20).allSatisfy(r -> assertThat(r.group(2)).isEqualTo("QUALIFYING"));
		assertThat(rows.stream().map(r -> Long.parseLong(r.group(1))).toList()).isEqualTo(shown);
		assertThat(list.body()).contains("120").contains("<option value=\"QUALIFYING\" selected=\"selected\">");
		assertThat(bob.get("/leads?view=list&stage=PROPOSAL&owner=" + owner).body()).doesNotContain("class=\"pipeline-row\"");
		assertThat(bob.get("/leads?view=list&stage=NOSUCH").statusCode()).isEqualTo(400);
	}

	@Test
	void theListExportsWhatItShowsAsNeutralisedCsvInTheReadersLanguageToSalesOnly() throws Exception {
		String owner = "csv." + UUID.randomUUID().toString().substring(0, 6);
		var now = Instant.now();
		var batch = new java.util.ArrayList<Lead>();
		for (int i = 0; i < 5; i++) {
			String company = i == 0 ? "=HYPERLINK(\"http://evil.example\",\"x\") " + owner : "Csv " + owner + " " + i;
			var lead = new Lead(company, "Contact " + i, null, null, LeadSource.WEB, i % 2 == 0 ? Region.EMEA : Region.NA,
					Segment.SMB, new BigDecimal("1500.50"), null, "test", now.plusMillis(i));
			lead.routed("LOW", "sales-rep", now);
			lead.claimedBy(owner, now);
			batch.add(lead);
		}
		leads.saveAll(batch);

		var alice = PageLogin.as(port, "alice");
		String table = alice.get("/leads?view=list&owner=" + owner + "&region=EMEA&sort=company&dir=asc").body();
		assertThat(table).containsPattern("id=\"export-leads\"[^>]*href=\"/leads/export\\?owner=" + Pattern.quote(owner)
				+ "&amp;region=EMEA[^\"]*sort=company&amp;dir=asc\"");

		var csv = alice.get("/leads/export?owner=" + owner + "&region=EMEA&sort=company&dir=asc");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		assertThat(csv.headers().firstValue("X-Total-Count")).hasValue("3");
		var lines = csv.body().replace("\uFEFF", "").split("\r\n");
		assertThat(lines[0]).isEqualTo("Number,Company,Contact,Stage,Owner,Region,Source,Value,Currency,Captured");
		assertThat(lines).hasSize(4); // header + the three EMEA leads, not the two in North America
		assertThat(lines[1]).as("a formula stays text").contains(",\"'=HYPERLINK(\"\"http")
			.contains(",Qualifying," + owner + ",").contains(",1500.50,CNY,");
		assertThat(lines[2]).contains("Csv " + owner + " 2");
		assertThat(lines[3]).contains("Csv " + owner + " 4");

		var chinese = alice.get("/leads/export?owner=" + owner + "&stage=QUALIFYING&lang=zh-CN");
		var zh = chinese.body().replace("\uFEFF", "").split("\r\n");
		assertThat(zh[0]).isEqualTo("编号,公司,联系人,阶段,负责人,区域,来源,金额,币种,录入日期");
		assertThat(zh).hasSize(6);
		assertThat(zh[1]).contains(",资格审核中,");
		assertThat(alice.get("/leads/export?owner=" + owner + "&stage=WON").body().replace("\uFEFF", "").split("\r\n"))
			.hasSize(1);

		var api = new dev.lodestar.customer.ApiClient(port);
		var fromApi = api.get("bob", "/api/leads/export?owner=" + owner + "&region=EMEA&sort=company&dir=asc");
		assertThat(fromApi.status()).isEqualTo(200);
		assertThat(fromApi.body().replace("\uFEFF", "").split("\r\n")).hasSize(4);
		assertThat(api.get("carol", "/api/leads/export").status()).isEqualTo(403);
		assertThat(api.get("erin", "/api/leads/export").status()).isEqualTo(403);
		assertThat(api.get(null, "/api/leads/export").status()).isEqualTo(401);
		assertThat(PageLogin.as(port, "carol").get("/leads/export").statusCode()).isEqualTo(403);
		assertThat(api.get("bob", "/api/leads/export?sort=secret").status()).isEqualTo(400);
	}

	@Test
	void aDropOpensTheStepThatCanTakeTheLeadThereOrSaysWhyNot() {
		long id = capture.capture(new NewLead("Drop " + UUID.randomUUID().toString().substring(0, 8), "Pat Doe", null,
				null, "WEB", "NA", null, null, null), "alice").id();
		String qualify = taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(id))
			.taskDefinitionKey(LeadProcess.QUALIFY_LEAD)
			.singleResult()
			.getId();
		var api = new dev.lodestar.customer.ApiClient(port);

		// qualifying -> proposal: the qualification's form, nothing moved
		var step = api.get("alice", "/api/leads/" + id + "/step?to=PROPOSAL");
		assertThat(step.status()).isEqualTo(200);
		assertThat(step.json().at("/taskId").asText()).isEqualTo(qualify);
		assertThat(step.json().at("/href").asText()).isEqualTo("/tasks/" + qualify);
		assertThat(step.json().at("/from").asText()).isEqualTo("QUALIFYING");
		assertThat(api.get("alice", "/api/leads/" + id + "/step?to=DISQUALIFIED").json().at("/taskId").asText())
			.isEqualTo(qualify);
		assertThat(pipeline.pipelineStage(id)).isEqualTo(PipelineStage.QUALIFYING);

		// not a move the process makes from here: 409 with the reason and where it can go
		var won = api.get("alice", "/api/leads/" + id + "/step?to=WON");
		assertThat(won.status()).isEqualTo(409);
		assertThat(won.json().at("/detail").asText()).contains("Qualifying").contains("Won")
			.contains("Proposal, Disqualified");
		assertThat(won.json().at("/allowed").toString()).isEqualTo("[\"PROPOSAL\",\"DISQUALIFIED\"]");
		assertThat(api.get("alice", "/api/leads/" + id + "/step?to=QUALIFYING").status()).as("where it stands").isEqualTo(409);

		// bob manages the queue but the qualification is the reps' work: 403 naming the step
		var bobs = api.get("bob", "/api/leads/" + id + "/step?to=PROPOSAL");
		assertThat(bobs.status()).isEqualTo(403);
		assertThat(bobs.json().at("/detail").asText()).contains("Qualify lead").contains("not yours");

		assertThat(api.get("carol", "/api/leads/" + id + "/step?to=PROPOSAL").status()).isEqualTo(403);
		assertThat(api.get("alice", "/api/leads/999999999/step?to=PROPOSAL").status()).isEqualTo(404);
		assertThat(api.get("alice", "/api/leads/" + id + "/step?to=SOMEWHERE").status()).isEqualTo(400);
	}

	@Test
	void eachStepOfTheProcessLeadsToTheColumnsItsModelSays() {
		var definition = repository.createProcessDefinitionQuery().processDefinitionKey(LeadProcess.KEY).latestVersion()
			.singleResult();
		var model = repository.getBpmnModelInstance(definition.getId());
		java.util.function.Function<String, java.util.Set<PipelineStage>> from = id -> LeadMoves
			.reachableFrom(model.getModelElementById(id));
		assertThat(from.apply(LeadProcess.REVIEW_DUPLICATE)).containsExactlyInAnyOrder(PipelineStage.QUALIFYING);
		assertThat(from.apply(LeadProcess.QUALIFY_LEAD)).containsExactlyInAnyOrder(PipelineStage.PROPOSAL,
				PipelineStage.DISQUALIFIED);
		assertThat(from.apply(LeadProcess.PREPARE_PROPOSAL)).containsExactlyInAnyOrder(PipelineStage.DISCOUNT_APPROVAL,
				PipelineStage.NEGOTIATION);
		assertThat(from.apply(LeadProcess.APPROVE_DISCOUNT)).containsExactlyInAnyOrder(PipelineStage.NEGOTIATION,
				PipelineStage.PROPOSAL);
		assertThat(from.apply(LeadProcess.NEGOTIATE_DEAL)).containsExactlyInAnyOrder(PipelineStage.WON, PipelineStage.LOST);
	}

	/** Leads waiting for qualification by one owner, newest last; answers the newest's id. */
	private long seedQualifying(String owner, String word, int howMany) {
		var now = Instant.now();
		var batch = new java.util.ArrayList<Lead>();
		for (int i = 0; i < howMany; i++) {
			var lead = new Lead(word + " " + owner + " " + (100 + i) + " Ltd", "Contact " + (100 + i), null, null,
					LeadSource.WEB, Region.EMEA, Segment.SMB, new BigDecimal("1000"), null, "test", now.plusMillis(i));
			lead.routed("LOW", "sales-rep", now);
			lead.claimedBy(owner, now);
			batch.add(lead);
		}
		var saved = leads.saveAll(batch);
		return saved.get(saved.size() - 1).getId();
	}

	/** The lead ids of a column's cards, top to bottom. */
	private static List<Long> cards(String board, String stage) {
		int start = board.indexOf("id=\"column-" + stage + "\"");
		int end = board.indexOf("</section>", start);
		return Pattern.compile("class=\"lead-card\" draggable=\"true\" data-lead-id=\"(\\d+)\"")
			.matcher(board.substring(start, end)).results().map(r -> Long.parseLong(r.group(1))).toList();
	}

	private static long count(String board, String stage) {
		var matcher = Pattern.compile("id=\"column-" + stage + "\"[^>]*>\\s*<h2><span>[^<]*</span>\\s*<span class=\"count\">(\\d+)</span>")
			.matcher(board);
		assertThat(matcher.find()).as("column " + stage).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
