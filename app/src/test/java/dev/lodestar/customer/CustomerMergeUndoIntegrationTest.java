package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.attachment.AttachmentService;
import dev.lodestar.complaint.ComplaintIntake;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.LeadPipeline;
import dev.lodestar.lead.LeadProcess;
import dev.lodestar.lead.LeadStage;
import dev.lodestar.lead.NewLead;
import dev.lodestar.system.EngineClock;

/**
 * Merging two customers as a person does it: a preview, a confirmation carrying the preview's
 * version, an undo within 24 hours that puts back exactly what moved, and the lead whose
 * duplicate review asked about the two customers going on by itself.
 */
@LodestarIntegrationTest
class CustomerMergeUndoIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CustomerService customers;

	@Autowired
	LeadCapture capture;

	@Autowired
	LeadPipeline pipeline;

	@Autowired
	ComplaintService complaints;

	@Autowired
	AttachmentService attachments;

	@Autowired
	TaskService taskService;

	@Autowired
	Interactions interactions;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private ApiClient api() {
		return new ApiClient(port);
	}

	@AfterEach
	void clockBackToNow() {
		EngineClock.backToNow();
	}

	/** A (phone, language zh-CN) and B (another phone, an e-mail, a region, a contact, a lead, a complaint, a file). */
	private record Pair(long a, long b, long leadId, long complaintId) {
	}

	private Pair pair(String name) {
		var a = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, name + " " + tag, "Kai Lund", null,
				"+49 30 " + CustomerServiceIntegrationTest.randomDigits().substring(0, 7), null, null), "alice");
		long aId = a.customer().id();
		customers.edit(aId, new CustomerEdit(name + " " + tag, null, a.customer().phone(), "zh-CN"), "alice");
		String email = "lea." + tag + "@" + name.toLowerCase() + ".example";
		var b = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, name + " " + tag + " GmbH", "Lea Berg",
				email, "+49 40 " + CustomerServiceIntegrationTest.randomDigits().substring(0, 7), "EMEA", null), "alice");
		long bId = b.customer().id();
		customers.logInteraction(bId, new NewInteraction(InteractionType.CALL, Instant.now().minus(Duration.ofDays(40)),
				"alice", "Lea Berg", "First call", null, null, null));
		long leadId = capture.capture(new NewLead(name + " " + tag + " GmbH", "Lea Berg", email, null, "WEB", "EMEA",
				"from the merge test", null, null), "alice").id();
		long complaintId = complaints.register(new ComplaintIntake("Lea Berg", email, null, "EMAIL", "DELIVERY",
				"The parcel came late.", bId, null, null), "carol").getId();
		attachments.fromMail(CustomerAttachments.KIND, bId,
				List.of(new AttachmentService.IncomingFile("note.txt", "hello".getBytes(), 5)), "alice");
		return new Pair(aId, bId, leadId, complaintId);
	}

	private ApiClient.Response preview(long duplicate, long survivor) {
		return api().get("alice", "/api/customers/" + duplicate + "/merge-preview?into=" + survivor);
	}

	private ApiClient.Response merge(String user, long duplicate, long survivor, String version) {
		return api().post(user, "/api/customers/" + duplicate + "/merge",
				"{\"survivorId\":" + survivor + ",\"version\":\"" + version + "\"}");
	}

	@Test
	void thePreviewShowsTheSurvivorAsItWillBeWhatMovesAndWhichValueIsKept() {
		var p = pair("Quill");
		var preview = preview(p.b(), p.a());
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		var json = preview.json();
		assertThat(json.at("/result/id").asLong()).isEqualTo(p.a());
		assertThat(json.at("/result/name").asText()).isEqualTo("Quill " + tag);
		assertThat(json.at("/result/email").asText()).isEqualTo("lea." + tag + "@quill.example"); // a blank filled
		assertThat(json.at("/result/phone").asText()).isEqualTo(customers.get(p.a()).phone()); // the survivor's kept
		assertThat(json.at("/result/region").asText()).isEqualTo("EMEA");
		assertThat(Instant.parse(json.at("/result/since").asText())).isBefore(Instant.now().minus(Duration.ofDays(39)));
		assertThat(json.at("/contactsMoving").asInt()).isEqualTo(1);
		assertThat(json.at("/contacts").findValuesAsText("name")).containsExactly("Kai Lund", "Lea Berg");
		assertThat(json.at("/interactionsMoving").asInt()).isEqualTo(interactions.idsOf(p.b()).size()).isGreaterThanOrEqualTo(3);
		assertThat(json.at("/recordsMoving/leads").asInt()).isEqualTo(1);
		assertThat(json.at("/recordsMoving/complaints").asInt()).isEqualTo(1);
		assertThat(json.at("/recordsMoving/attachments").asInt()).isEqualTo(1);
		assertThat(json.at("/conflicts").findValuesAsText("field")).contains("name", "phone");
		assertThat(json.at("/version").asText()).isNotBlank();
		// nothing was merged by looking
		assertThat(customers.get(p.b()).mergedIntoId()).isNull();
	}

	@Test
	void aConfirmationWithAStaleVersionIsRefusedAndNothingIsMerged() {
		var p = pair("Rune");
		String version = preview(p.b(), p.a()).json().at("/version").asText();
		customers.logInteraction(p.b(), new NewInteraction(InteractionType.NOTE, null, "carol", null,
				"Called again in between", null, null, null));

		var stale = merge("alice", p.b(), p.a(), version);
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
		assertThat(stale.json().at("/detail").asText()).contains("changed since the preview");
		assertThat(stale.json().at("/reason").asText()).isEqualTo("customers.problem.merge.changed");
		assertThat(customers.get(p.b()).mergedIntoId()).isNull();

		var withoutVersion = api().post("alice", "/api/customers/" + p.b() + "/merge", "{\"survivorId\":" + p.a() + "}");
		assertThat(withoutVersion.status()).isEqualTo(400);

		String fresh = preview(p.b(), p.a()).json().at("/version").asText();
		assertThat(merge("alice", p.b(), p.a(), fresh).status()).isEqualTo(200);
	}

	@Test
	void anUndoPutsBackExactlyWhatTheMergeMoved() {
		var p = pair("Sable");
		var aBefore = customers.details(p.a());
		var bBefore = customers.details(p.b());
		var aTimeline = ids(customers.interactions(p.a(), 500, "alice"));
		var bTimeline = ids(customers.interactions(p.b(), 500, "alice"));
		var bFiles = attachments.idsOf(CustomerAttachments.KIND, p.b());
		String version = preview(p.b(), p.a()).json().at("/version").asText();
		assertThat(merge("alice", p.b(), p.a(), version).status()).isEqualTo(200);
		assertThat(pipeline.get(p.leadId()).customerId()).isEqualTo(p.a());
		assertThat(complaints.get(p.complaintId()).getCustomerId()).isEqualTo(p.a());
		assertThat(attachments.idsOf(CustomerAttachments.KIND, p.a())).containsAll(bFiles);
		assertThat(customers.lookupByEmail("lea." + tag + "@sable.example").orElseThrow().id()).isEqualTo(p.a());

		var merges = api().get("bob", "/api/customers/" + p.a() + "/merges");
		assertThat(merges.json().at("/0/undoable").asBoolean()).isTrue();
		long mergeId = merges.json().at("/0/id").asLong();
		var undone = api().post("bob", "/api/customers/" + p.a() + "/merges/" + mergeId + "/undo", "{}");
		assertThat(undone.status()).as(undone.body()).isEqualTo(200);
		assertThat(undone.json().at("/id").asLong()).isEqualTo(p.b());

		assertThat(customers.details(p.a())).isEqualTo(aBefore);
		assertThat(customers.details(p.b())).isEqualTo(bBefore);
		var aAfter = customers.interactions(p.a(), 500, "alice");
		var bAfter = customers.interactions(p.b(), 500, "alice");
		// every entry is back where it was; the merge and the undo are noted on both timelines
		assertThat(ids(aAfter)).containsAll(aTimeline).doesNotContainAnyElementsOf(bTimeline);
		assertThat(ids(bAfter)).containsAll(bTimeline).doesNotContainAnyElementsOf(aTimeline);
		assertThat(codes(aAfter)).contains("interaction.merged", "interaction.mergeUndone");
		assertThat(codes(bAfter)).contains("interaction.mergedInto", "interaction.mergeUndone");
		assertThat(pipeline.get(p.leadId()).customerId()).isEqualTo(p.b());
		assertThat(complaints.get(p.complaintId()).getCustomerId()).isEqualTo(p.b());
		assertThat(attachments.idsOf(CustomerAttachments.KIND, p.b())).isEqualTo(bFiles);
		assertThat(customers.lookupByEmail("lea." + tag + "@sable.example").orElseThrow().id()).isEqualTo(p.b());
		assertThat(customers.possibleDuplicates(p.a())).extracting(m -> m.customer().id()).contains(p.b());

		var again = api().post("bob", "/api/customers/" + p.a() + "/merges/" + mergeId + "/undo", "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().at("/reason").asText()).isEqualTo("customers.problem.undo.done");
	}

	@Test
	void aMergeCannotBeUndoneAfter24Hours() {
		var p = pair("Tarn");
		String version = preview(p.b(), p.a()).json().at("/version").asText();
		assertThat(merge("alice", p.b(), p.a(), version).status()).isEqualTo(200);
		long mergeId = customers.mergesInto(p.a()).get(0).id();

		EngineClock.travelTo(Instant.now().plus(Duration.ofHours(24)).plusSeconds(60));
		assertThat(customers.mergesInto(p.a()).get(0).undoable()).isFalse();
		var late = api().post("alice", "/api/customers/" + p.a() + "/merges/" + mergeId + "/undo", "{}");
		assertThat(late.status()).as(late.body()).isEqualTo(409);
		assertThat(late.json().at("/detail").asText()).contains("24 hours");
		assertThat(customers.get(p.b()).mergedIntoId()).isEqualTo(p.a());
	}

	@Test
	void anEditOfTheSurvivorAfterTheMergeMakesTheUndoUnsafe() {
		var p = pair("Umber");
		String version = preview(p.b(), p.a()).json().at("/version").asText();
		merge("alice", p.b(), p.a(), version);
		var survivor = customers.get(p.a());
		customers.edit(p.a(), new CustomerEdit(survivor.name(), "new." + tag + "@umber.example", survivor.phone(), "zh-CN"),
				"alice");
		var refused = api().post("alice",
				"/api/customers/" + p.a() + "/merges/" + customers.mergesInto(p.a()).get(0).id() + "/undo", "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().at("/detail").asText()).contains("edited after the merge", "e-mail");
		assertThat(customers.get(p.b()).mergedIntoId()).isEqualTo(p.a());
	}

	@Test
	void ofTwoMergesConfirmedAtOnceOneWinsAndTheOtherGets409() throws Exception {
		var p = pair("Vale");
		String version = preview(p.b(), p.a()).json().at("/version").asText();
		var start = new CountDownLatch(1);
		Callable<Integer> attempt = () -> {
			start.await();
			return merge("alice", p.b(), p.a(), version).status();
		};
		Callable<Integer> other = () -> {
			start.await();
			return merge("bob", p.b(), p.a(), version).status();
		};
		var pool = Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(attempt);
			var second = pool.submit(other);
			start.countDown();
			assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(customers.mergesInto(p.a())).hasSize(1);
	}

	/** A lead whose company resembles an existing customer waits in "Possible duplicate". */
	private long leadInDuplicateReview(String name) {
		customers.createOrLink(CustomerDraft.company(name + " " + tag + " GmbH", "Uma", null, null, "EMEA"), "alice");
		long leadId = capture.capture(new NewLead(name + " " + tag + " Ltd", "Pat Doe", null, null, "WEB", "EMEA",
				"from the merge test", null, null), "alice").id();
		assertThat(pipeline.get(leadId).stage()).isEqualTo(LeadStage.DUPLICATE_REVIEW);
		assertThat(reviewTasks(leadId)).isEqualTo(1);
		return leadId;
	}

	private long reviewTasks(long leadId) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.REVIEW_DUPLICATE)
			.count();
	}

	@Test
	void mergingFromTheCustomerPageClosesTheLeadsDuplicateReview() {
		long leadId = leadInDuplicateReview("Willow");
		var lead = pipeline.get(leadId);
		long own = lead.customerId();
		long existing = lead.duplicateOfId();
		String version = preview(own, existing).json().at("/version").asText();
		assertThat(merge("bob", own, existing, version).status()).isEqualTo(200);

		assertThat(reviewTasks(leadId)).isZero();
		var after = pipeline.get(leadId);
		assertThat(after.stage()).isEqualTo(LeadStage.QUALIFYING);
		assertThat(after.customerId()).isEqualTo(existing);
		assertThat(after.duplicateOfId()).isNull();
		assertThat(customers.get(own).mergedIntoId()).isEqualTo(existing);
	}

	@Test
	void mergingTheOtherWayRoundClosesTheReviewToo() {
		long leadId = leadInDuplicateReview("Xylo");
		var lead = pipeline.get(leadId);
		long own = lead.customerId();
		long existing = lead.duplicateOfId();
		String version = preview(existing, own).json().at("/version").asText();
		assertThat(merge("alice", existing, own, version).status()).isEqualTo(200);

		assertThat(reviewTasks(leadId)).isZero();
		assertThat(pipeline.get(leadId).stage()).isEqualTo(LeadStage.QUALIFYING);
		assertThat(pipeline.get(leadId).customerId()).isEqualTo(own);
	}

	@Test
	void keepingBothFromTheCustomerPageClosesTheLeadsDuplicateReview() {
		long leadId = leadInDuplicateReview("Yarrow");
		var lead = pipeline.get(leadId);
		var kept = api().post("carol",
				"/api/customers/" + lead.duplicateOfId() + "/duplicates/" + lead.customerId() + "/distinct", "{}");
		assertThat(kept.status()).as(kept.body()).isEqualTo(204);

		assertThat(reviewTasks(leadId)).isZero();
		var after = pipeline.get(leadId);
		assertThat(after.stage()).isEqualTo(LeadStage.QUALIFYING);
		assertThat(after.customerId()).isEqualTo(lead.customerId());
		assertThat(customers.possibleDuplicates(lead.customerId())).isEmpty();
	}

	@Test
	void customerSinceIsNeverLaterThanTheCustomersOwnHistory() {
		var created = customers.createOrLink(CustomerDraft.company("Zephyr " + tag, null, null, null, null), "alice");
		Instant october = Instant.now().minus(Duration.ofDays(60)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		customers.logInteraction(created.customer().id(), new NewInteraction(InteractionType.VISIT, october, "alice", null,
				"Met at the fair", null, null, null));
		assertThat(customers.get(created.customer().id()).since()).isEqualTo(october);
		assertThat(customers.get(created.customer().id()).createdAt()).isAfter(october);
	}

	private static List<Long> ids(List<InteractionEntry> entries) {
		return entries.stream().map(InteractionEntry::id).toList();
	}

	private static List<String> codes(List<InteractionEntry> entries) {
		return entries.stream().filter(e -> e.summaryText() != null).map(e -> e.summaryText().code()).toList();
	}

}
