package dev.lodestar.frontoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerKind;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.customer.CustomerSummary;
import dev.lodestar.knowledge.Article;
import dev.lodestar.knowledge.KnowledgeBase;

/**
 * Who may open the front-office pages: each page answers 200 to the roles it is for, and a page
 * in words (403, or 404 where the thing does not exist or must stay hidden) to the others —
 * never a Whitelabel page or raw JSON.
 */
@LodestarIntegrationTest
class FrontOfficePagesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CustomerService customers;

	@Autowired
	ComplaintService complaints;

	@Autowired
	KnowledgeBase knowledgeBase;

	@Test
	void theImportPageListsTheAllowedCodesInTheReadersLanguageAndHandsOutATemplate() {
		var alice = PageSession.logIn(port, "alice");

		String english = alice.get("/leads/import?lang=en").body();
		String chinese = alice.get("/leads/import?lang=zh-CN").body();

		for (var codes : java.util.List.of(dev.lodestar.lead.LeadSource.values(), dev.lodestar.lead.Region.values(),
				dev.lodestar.lead.Segment.values())) {
			for (Enum<?> code : codes) {
				assertThat(english).contains("data-code=\"" + code.name() + "\"");
			}
		}
		assertThat(english).contains("Europe, Middle East, Africa").contains("Small and medium business")
			.contains("href=\"/leads/import/template\"");
		assertThat(chinese).contains("欧洲、中东和非洲").contains("中小企业").contains("网站").contains("下载 CSV 模板");
		var template = alice.get("/leads/import/template");
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
			.contains("leads-template.csv");
		assertThat(template.body()).contains("estimatedValue").contains("\"50,000\"");
		assertThat(PageSession.logIn(port, "carol").get("/leads/import/template").statusCode()).isIn(302, 403);
	}

	@Test
	void customerPagesAreForSalesAndServiceAndSayInWordsWhenARoleMayNotOpenThem() {
		CustomerSummary customer = customer();
		for (String user : new String[] { "alice", "bob", "carol", "dave" }) {
			var session = PageSession.logIn(port, user);
			assertThat(session.get("/customers?q=" + customer.email()).body()).as(user).contains(customer.name());
			assertThat(session.get("/customers/" + customer.id()).statusCode()).as(user).isEqualTo(200);
		}
		var grace = PageSession.logIn(port, "grace");
		var denied = grace.get("/customers/" + customer.id());
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("Not for your role").contains("id=\"error-page\"").doesNotContain("Whitelabel")
			.doesNotContain(customer.name());
		assertThat(grace.get("/customers").statusCode()).isEqualTo(403);
		// a trainer cannot log interactions either, and nothing is logged
		assertThat(grace.post("/customers/" + customer.id() + "/interactions", Map.of("type", "NOTE", "summary", "x"))
			.statusCode()).isEqualTo(403);
		assertThat(customers.interactions(customer.id(), 10, "carol")).isEmpty();

		var carol = PageSession.logIn(port, "carol");
		var missing = carol.get("/customers/987654321");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Not found").doesNotContain("Whitelabel");
	}

	@Test
	void intakeIsForServiceAgentsAndSalesReps() {
		assertThat(PageSession.logIn(port, "carol").get("/intake").statusCode()).isEqualTo(200);
		assertThat(PageSession.logIn(port, "alice").get("/intake").statusCode()).isEqualTo(200);
		var erin = PageSession.logIn(port, "erin").get("/intake");
		assertThat(erin.statusCode()).isEqualTo(403);
		assertThat(erin.body()).contains("Not for your role");
	}

	@Test
	void complaintPagesAreForTheServiceDeskOnly() {
		Complaint complaint = complaints.register(new ComplaintIntake("Page Test " + UUID.randomUUID(),
				"page-" + UUID.randomUUID() + "@example.com", null, "WEB", "SERVICE", "Nobody called back.", null, null),
				"carol");
		for (String user : new String[] { "carol", "dave" }) {
			var session = PageSession.logIn(port, user);
			assertThat(session.get("/complaints").body()).as(user).contains("#" + complaint.getId());
			var page = session.get("/complaints/" + complaint.getId());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Nobody called back.").contains("Contact the customer (first response)");
		}
		for (String user : new String[] { "alice", "bob", "erin", "grace" }) {
			var session = PageSession.logIn(port, user);
			var denied = session.get("/complaints/" + complaint.getId());
			assertThat(denied.statusCode()).as(user).isEqualTo(403);
			assertThat(denied.body()).as(user).contains("Not for your role").doesNotContain("Nobody called back.");
			assertThat(session.get("/complaints").statusCode()).as(user).isEqualTo(403);
		}
		var missing = PageSession.logIn(port, "carol").get("/complaints/987654321");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Not found");
	}

	@Test
	void inChineseTheComplaintPageNamesItsStepsTierAndQueueInChinese() {
		Complaint complaint = complaints.register(new ComplaintIntake("Chinese Page " + UUID.randomUUID(),
				"zh-" + UUID.randomUUID() + "@example.com", null, "WEB", "PRODUCT_DEFECT", "The table leg is cracked.",
				null, null), dev.lodestar.complaint.CustomerTier.GOLD, "carol");
		var carol = PageSession.logIn(port, "carol");

		String chinese = carol.get("/complaints/" + complaint.getId() + "?lang=zh-CN").body();
		// history and open step through the processes bundle, as on the task page
		assertThat(chinese).contains("收到投诉").contains("向客户确认收到").contains("联系客户（首次响应）")
			.doesNotContain("Complaint received")
			.doesNotContain("Acknowledge to the customer")
			.doesNotContain("Contact the customer (first response)");
		assertThat(chinese).contains("金牌").contains("质量").doesNotContain(">GOLD<").doesNotContain(">quality<");

		String english = carol.get("/complaints/" + complaint.getId() + "?lang=en").body();
		assertThat(english).contains("Complaint received").contains("Contact the customer (first response)")
			.contains(">gold<").contains(">quality<");
	}

	@Test
	void everybodyReadsPublishedArticlesButDraftsStayWithTheServiceDeskAndOnlyAManagerPublishes() {
		String title = "Draft only " + UUID.randomUUID();
		Article draft = knowledgeBase.draft(new KnowledgeBase.ArticleText(title, "Some **bold** advice.",
				java.util.List.of(), "SERVICE"), null, "carol");
		var grace = PageSession.logIn(port, "grace");
		assertThat(grace.get("/knowledge").statusCode()).isEqualTo(200);
		assertThat(grace.get("/knowledge/" + draft.getId()).statusCode()).isEqualTo(404);
		assertThat(grace.get("/knowledge/new").statusCode()).isEqualTo(403);

		var carol = PageSession.logIn(port, "carol");
		var read = carol.get("/knowledge/" + draft.getId());
		assertThat(read.body()).contains("<strong>bold</strong>").doesNotContain("id=\"publish\"");
		assertThat(carol.post("/knowledge/" + draft.getId() + "/publish", Map.of()).statusCode()).isEqualTo(403);
		assertThat(knowledgeBase.get(draft.getId(), true).getStatus().name()).isEqualTo("DRAFT");

		var dave = PageSession.logIn(port, "dave");
		assertThat(dave.get("/knowledge/" + draft.getId()).body()).contains("id=\"publish\"");
		assertThat(dave.post("/knowledge/" + draft.getId() + "/publish", Map.of()).statusCode()).isEqualTo(302);
		assertThat(grace.get("/knowledge/" + draft.getId()).body()).contains(title);
	}

	@Test
	void articleTextIsRenderedAsMarkdownWithoutLettingRawHtmlThrough() {
		var carol = PageSession.logIn(port, "carol");
		var saved = carol.post("/knowledge", Map.of("title", "Markdown " + UUID.randomUUID(), "body",
				"# Steps\n\n1. Ask\n2. Refund\n\n<script>alert('x')</script>", "category", "BILLING", "tags", "refund, card"));
		assertThat(saved.statusCode()).isEqualTo(302);
		var page = carol.get(saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
		assertThat(page.body()).contains("<ol>").contains("<li>Refund</li>").contains("&lt;script&gt;")
			.doesNotContain("<script>alert");
	}

	@Test
	void theDemoCallerIsFoundByHerNumberWithHerEarlierBillingComplaintAndDavesArticleIsSuggested() {
		CustomerSummary amara = customers.lookupByPhone("020 7946 0321").orElseThrow();
		assertThat(amara.name()).isEqualTo("Amara Okafor");
		assertThat(complaints.ofCustomer(amara.id())).anyMatch(c -> c.getCategory().name().equals("BILLING"));
		Article article = knowledgeBase.search("double charge", false, 5).get(0);
		assertThat(article.getCreatedBy()).isEqualTo("dave");
		assertThat(article.getPublishedBy()).isEqualTo("dave");

		var page = PageSession.logIn(port, "carol").get("/intake?caller=%2B44%2020%207946%200321");
		assertThat(page.body()).contains("Amara Okafor").contains("charged twice for the dining table");
		assertThat(knowledgeBase.suggest("BILLING", "I was charged twice for the new chairs", 3))
			.extracting(Article::getTitle)
			.contains("Double charge on a card payment");
	}

	@Test
	void aResolvedComplaintAwaitingTheCustomersConfirmationStaysVisibleInTheList() {
		Complaint complaint = complaints.register(new ComplaintIntake("Waiting Customer " + UUID.randomUUID(),
				"waiting-" + UUID.randomUUID() + "@example.com", null, "WEB", "SERVICE", "Order status unclear.", null,
				null), "carol");
		complete(complaint, "Task_RespondToCustomer", Map.of("contactNote", "Called back."));
		complete(complaint, "Task_Investigate", Map.of("resolution", "Your order ships on Monday.", "compensation", 0));
		assertThat(complaints.get(complaint.getId()).getStatus().name()).isEqualTo("RESOLVED");

		var carol = PageSession.logIn(port, "carol");
		String list = carol.get("/complaints?state=AWAITING_CONFIRMATION").body();
		assertThat(list).contains("data-complaint-id=\"" + complaint.getId() + "\"").contains("awaiting confirmation");
		assertThat(carol.get("/complaints?state=ON_TIME").body()).doesNotContain("data-complaint-id=\"" + complaint.getId() + "\"");
		String page = carol.get("/complaints/" + complaint.getId()).body();
		assertThat(page).contains("The customer has the link and has not answered yet.").contains("Your order ships on Monday.");
	}

	@Test
	void theComplaintListPagesNewestFirstAndSaysWhichComplaintsItShows() {
		String tag = "pager" + UUID.randomUUID().toString().substring(0, 8);
		var ids = new java.util.ArrayList<Long>();
		for (int i = 0; i < 51; i++) {
			ids.add(complaints.register(new ComplaintIntake("Paged Customer " + tag + " " + i, tag + i + "@example.com", null, "PHONE",
					"DELIVERY", "Parcel " + i + " late.", null, null), "carol").getId());
		}
		var carol = PageSession.logIn(port, "carol");

		String first = carol.get("/complaints?q=" + tag).body();
		assertThat(first.split("class=\"complaint-row\"", -1)).hasSize(51); // 50 rows
		assertThat(first).contains("data-complaint-id=\"" + ids.get(50) + "\"") // the newest
			.doesNotContain("data-complaint-id=\"" + ids.get(0) + "\"")
			.contains("Complaints 1–50 of 51, newest first")
			.contains("<td>medium</td>").doesNotContain("<td>MEDIUM</td>") // severity in words, not the DMN's code
			.contains("id=\"older-complaints\"")
			.doesNotContain("id=\"newer-complaints\"");

		String second = carol.get("/complaints?q=" + tag + "&page=1").body();
		assertThat(second.split("class=\"complaint-row\"", -1)).hasSize(2); // the oldest one
		assertThat(second).contains("data-complaint-id=\"" + ids.get(0) + "\"")
			.contains("Complaints 51–51 of 51, newest first")
			.contains("id=\"newer-complaints\"")
			.doesNotContain("id=\"older-complaints\"");

		assertThat(carol.get("/complaints?page=-1").statusCode()).isEqualTo(400);
	}

	@Test
	void aSalesRepRecordsALeadAtTheIntakeWithoutTypingTheCallerAgain() {
		CustomerSummary customer = customer();
		var alice = PageSession.logIn(port, "alice");
		assertThat(alice.get("/intake?caller=" + customer.email()).body()).contains(customer.name()).contains("id=\"lead-form\"");
		var recorded = alice.post("/intake/leads", Map.of("caller", customer.email(), "customerId",
				String.valueOf(customer.id()), "company", customer.name(), "contactName", "Jo Buyer", "region", "EMEA",
				"estimatedValue", "12000", "notes", "Wants 12 desks"));
		assertThat(recorded.statusCode()).isEqualTo(302);
		var lead = pipeline.search(null, customer.name(), 5).get(0);
		assertThat(lead.email()).isEqualTo(customer.email());
		assertThat(lead.source().name()).isEqualTo("EMAIL");
		String after = alice.get(recorded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
		assertThat(after).contains("Lead #" + lead.id() + " is recorded");
	}

	@Test
	void inChineseTheLeadPageNamesItsStepsAndRolesInChinese() {
		CustomerSummary customer = customer();
		var alice = PageSession.logIn(port, "alice");
		alice.post("/intake/leads", Map.of("caller", customer.email(), "customerId", String.valueOf(customer.id()),
				"company", customer.name(), "contactName", "Li Wei", "region", "APAC", "estimatedValue", "8000"));
		var lead = pipeline.search(null, customer.name(), 5).get(0);

		String chinese = alice.get("/leads/" + lead.id() + "?lang=zh-CN").body();
		assertThat(chinese).contains("已录入线索").contains("线索资格审核（BANT）").contains("销售代表")
			.doesNotContain("Lead captured")
			.doesNotContain("Qualify lead (BANT)")
			.doesNotContain("(sales-rep)");
		String english = alice.get("/leads/" + lead.id() + "?lang=en").body();
		assertThat(english).contains("Lead captured").contains("(<span>Sales rep</span>)");
	}

	@Test
	void aSalesRepSeesNoComplaintOfTheCustomerOnTheLeadPageNorInHerTasksCasePanel() {
		CustomerSummary customer = customer();
		String secret = "Cracked glass top " + UUID.randomUUID();
		complaints.register(new ComplaintIntake(customer.name(), customer.email(), null, "PHONE", "PRODUCT_DEFECT", secret,
				customer.id(), null), "carol");
		var alice = PageSession.logIn(port, "alice");
		alice.post("/intake/leads", Map.of("caller", customer.email(), "customerId", String.valueOf(customer.id()),
				"company", customer.name(), "contactName", "Jo Buyer", "region", "EMEA", "estimatedValue", "5000"));
		var lead = pipeline.search(null, customer.name(), 5).get(0);

		String leadPage = alice.get("/leads/" + lead.id()).body();
		assertThat(leadPage).contains("Lead #" + lead.id() + " captured").doesNotContain(secret);
		// the service desk, who may read complaints, sees the same log with the complaint in it
		assertThat(PageSession.logIn(port, "carol").get("/leads/" + lead.id()).body()).contains(secret);
		assertThat(PageSession.logIn(port, "dave").get("/leads/" + lead.id()).body()).contains(secret);

		var task = taskService.createTaskQuery()
			.processDefinitionKey("lead-to-sale")
			.processInstanceBusinessKey(String.valueOf(lead.id()))
			.singleResult();
		var taskPage = alice.get("/tasks/" + task.getId());
		assertThat(taskPage.statusCode()).isEqualTo(200);
		assertThat(taskPage.body()).contains("Lead #" + lead.id() + " captured").doesNotContain(secret);
	}

	@Test
	void inChineseThe360PageAndTheIntakeSayEverythingInWordsAndTheLeadEntryOpensTheLeadPage() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		CustomerSummary customer = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "Lotus Furniture " + key,
				null, "lotus-" + key + "@example.com", null, "APAC", "SMB"), "carol").customer();
		customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "Lotus Furniture " + key + " Ltd", null,
				"lotus2-" + key + "@example.com", null, null, null), "carol");
		Complaint complaint = complaints.register(new ComplaintIntake(customer.name(), customer.email(), null, "PHONE",
				"DELIVERY", "The wardrobe came without doors.", customer.id(), null), "carol");
		var alice = PageSession.logIn(port, "alice");
		alice.post("/intake/leads", Map.of("caller", customer.email(), "customerId", String.valueOf(customer.id()),
				"company", customer.name(), "contactName", "Lin Hua", "region", "APAC", "estimatedValue", "9000"));
		var lead = pipeline.search(null, customer.name(), 5).get(0);
		String leadLink = "href=\"/leads/" + lead.id() + "\"";

		var carol = PageSession.logIn(port, "carol");
		String chinese = carol.get("/customers/" + customer.id() + "?lang=zh-CN").body();
		assertThat(chinese).contains("线索与商机").contains("投诉") // section titles
			.contains(">按时<") // the complaint's SLA state, not its status
			.contains("联系客户（首次响应）").contains("客服专员") // its open step and the role it waits for
			.contains("类别").contains("配送") // a fact's label and value
			.contains("线索 #" + lead.id()).contains(leadLink)
			.contains("相似的").contains("名称") // why the other customer may be a duplicate
			.contains("· 中小企业").contains("· 亚太") // segment and region
			.doesNotContain(">OPEN<")
			.doesNotContain("Leads and opportunities")
			.doesNotContain(">Complaints<")
			.doesNotContain("Contact the customer (first response)")
			.doesNotContain(">service-agent<")
			.doesNotContain(">LOW<").doesNotContain(">MEDIUM<") // the lead's priority, the complaint's severity
			.doesNotContain("Category")
			.doesNotContain("/api/leads/")
			.doesNotContain("similar name")
			.doesNotContain("· APAC");
		String english = carol.get("/customers/" + customer.id() + "?lang=en").body();
		assertThat(english).contains("Leads and opportunities").contains(">on time<")
			.contains("<span class=\"task-role\">Service agent</span>").contains("<dt>Priority</dt><dd>low</dd>")
			.contains(">similar<").contains(leadLink).doesNotContain(">OPEN<");
		assertThat(carol.get("/leads/" + lead.id()).statusCode()).isEqualTo(200);

		String intake = carol.get("/intake?caller=" + customer.email() + "&lang=zh-CN").body();
		assertThat(intake).contains("线索与商机").contains(">按时<").contains(leadLink)
			.contains("#" + complaint.getId()).doesNotContain(">OPEN<").doesNotContain("Leads and opportunities");

		// a sales rep sees the leads in Chinese and no complaint at all
		String alices = alice.get("/customers/" + customer.id() + "?lang=zh-CN").body();
		assertThat(alices).contains("线索与商机").contains(leadLink).doesNotContain("section-complaints")
			.doesNotContain("The wardrobe came without doors.").doesNotContain("Leads and opportunities");
		assertThat(alices).containsAnyOf(">新建<", ">资格审核中<", ">疑似重复<");
		assertThat(alice.get("/leads/" + lead.id()).statusCode()).isEqualTo(200);
	}

	@Test
	void theLeadPageNamesTheDiscountDecisionAndTheKindOfInteractionInWords() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		var lead = capture.capture(new dev.lodestar.lead.NewLead("Words Ltd " + key, "Ana Words", "words-" + key + "@example.com",
				null, "WEB", "EMEA", null, null, null), "alice");
		var rep = java.util.List.of("sales-rep");
		steps.completeStep(lead.id(), dev.lodestar.lead.LeadProcess.QUALIFY_LEAD, "alice", rep,
				new java.util.HashMap<>(Map.of("qualified", true, "budget", "yes", "decisionMaker", "CFO", "need", "desks",
						"timeline", "now")));
		steps.completeStep(lead.id(), dev.lodestar.lead.LeadProcess.PREPARE_PROPOSAL, "alice", rep,
				new java.util.HashMap<>(Map.of("amount", new java.math.BigDecimal("20000"), "discountPercent",
						new java.math.BigDecimal("25"), "decisionMaker", "CFO", "proposalSummary", "Desks",
						"nextFollowUp", java.time.Instant.now().plus(java.time.Duration.ofDays(3)).toString())));
		steps.completeStep(lead.id(), dev.lodestar.lead.LeadProcess.APPROVE_DISCOUNT, "bob", java.util.List.of("sales-manager"),
				new java.util.HashMap<>(Map.of("discountApproved", false, "discountComment", "15 % at most")));
		var alice = PageSession.logIn(port, "alice");

		String chinese = alice.get("/leads/" + lead.id() + "?lang=zh-CN").body();
		assertThat(chinese).contains("已拒绝 (bob)").contains(">备注<").doesNotContain("REJECTED").doesNotContain(">NOTE<");
		String english = alice.get("/leads/" + lead.id() + "?lang=en").body();
		assertThat(english).contains("rejected (bob)").contains(">Note<").doesNotContain("REJECTED").doesNotContain(">NOTE<");
	}

	@Test
	void aStaleMergeConfirmationAndALateUndoAreRefusedInWords() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		CustomerSummary first = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "Stale Stools " + key,
				null, "a-" + key + "@stools.example", null, null, null), "alice").customer();
		CustomerSummary second = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "Stale Stools " + key
				+ " GmbH", null, "b-" + key + "@stools.example", null, null, null), "alice").customer();
		var bob = PageSession.logIn(port, "bob");
		String path = "/customers/" + first.id() + "/duplicates/" + second.id() + "/merge";
		String preview = bob.get(path).body();
		assertThat(preview).contains("Merge two customers").contains("Confirm the merge");

		var stale = bob.post(path, Map.of("version", "0000000000000000"));
		assertThat(stale.statusCode()).isEqualTo(302);
		assertThat(stale.headers().firstValue("Location").orElseThrow()).endsWith(path);
		assertThat(bob.get(path).body()).contains("The customers changed since this preview");
		assertThat(customers.get(second.id()).mergedIntoId()).isNull();

		String version = customers.mergePreview(second.id(), first.id()).version();
		bob.post(path, Map.of("version", version));
		assertThat(customers.get(second.id()).mergedIntoId()).isEqualTo(first.id());
		assertThat(bob.get("/customers/" + first.id()).body()).contains("is merged into this customer")
			.contains("Undo the merge");
		long mergeId = customers.mergesInto(first.id()).get(0).id();
		dev.lodestar.system.EngineClock.travelTo(java.time.Instant.now().plus(java.time.Duration.ofHours(25)));
		try {
			bob.post("/customers/" + first.id() + "/merges/" + mergeId + "/undo", Map.of());
			assertThat(bob.get("/customers/" + first.id()).body())
				.contains("This merge is older than 24 hours and can no longer be undone.");
		}
		finally {
			dev.lodestar.system.EngineClock.backToNow();
		}
		assertThat(customers.get(second.id()).mergedIntoId()).isEqualTo(first.id());
	}

	@Test
	void keepBothClosesThePossibleDuplicateAndASecondAnswerIsRefusedInWords() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		CustomerSummary first = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "Twin Tables " + key,
				null, "a-" + key + "@twins.example", null, null, null), "alice").customer();
		CustomerSummary second = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "Twin Tables " + key
				+ " GmbH", null, "b-" + key + "@twins.example", null, null, null), "alice").customer();
		assertThat(customers.possibleDuplicates(first.id())).extracting(m -> m.customer().id()).contains(second.id());

		var bob = PageSession.logIn(port, "bob");
		String path = "/customers/" + first.id() + "/duplicates/" + second.id() + "/distinct";
		assertThat(bob.post(path, Map.of()).statusCode()).isEqualTo(302);
		assertThat(customers.possibleDuplicates(first.id())).isEmpty();
		assertThat(customers.get(second.id()).mergedIntoId()).isNull();
		assertThat(bob.get("/customers/" + first.id()).body()).contains("is a different customer")
			.doesNotContain("id=\"duplicates\"");
		bob.post(path, Map.of());
		assertThat(bob.get("/customers/" + first.id()).body()).contains("Somebody already settled this possible duplicate.");
	}

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@Autowired
	dev.lodestar.lead.LeadCapture capture;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadPipeline pipeline;

	@org.springframework.beans.factory.annotation.Autowired
	dev.lodestar.lead.LeadSteps steps;

	private void complete(Complaint complaint, String taskKey, Map<String, Object> values) {
		var task = taskService.createTaskQuery()
			.processDefinitionKey("complaint-to-resolution")
			.processInstanceBusinessKey(complaint.getId().toString())
			.taskDefinitionKey(taskKey)
			.singleResult();
		taskService.claim(task.getId(), "carol");
		taskService.complete(task.getId(), values);
	}

	private CustomerSummary customer() {
		String key = UUID.randomUUID().toString().substring(0, 8);
		return customers.createOrLink(new CustomerDraft(CustomerKind.PERSON, "Page Customer " + key, null,
				"page-" + key + "@example.com", null, null, null), "carol").customer();
	}

}
