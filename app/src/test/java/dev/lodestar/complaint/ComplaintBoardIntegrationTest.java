package dev.lodestar.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.LodestarIntegrationTest;

/**
 * The complaint list pages, counts and filters in the database (issue 24): its totals are the
 * complaints that match, its pages hold what the totals say, and the SLA state it filters and
 * shows by is the state the complaint's own page works out, for every state.
 */
@LodestarIntegrationTest
class ComplaintBoardIntegrationTest {

	@Autowired
	ComplaintService complaints;

	@Autowired
	ComplaintBoard board;

	@Autowired
	ComplaintSlaClock slaClock;

	@Autowired
	Complaints repository;

	@Autowired
	TaskService taskService;

	@Test
	void everySlaStateFiltersCountsAndShowsAsTheComplaintsOwnPageWorksItOut() {
		String tag = "board" + UUID.randomUUID().toString().substring(0, 8);
		Complaint onTime = register(tag, 0);
		Complaint breached = register(tag, 1);
		moveDates(breached, Instant.now().minus(Duration.ofHours(2)), null);
		Complaint warned = register(tag, 2);
		moveDates(warned, Instant.now().plus(Duration.ofHours(5)), Instant.now().minus(Duration.ofMinutes(5)));
		Complaint resolved = register(tag, 3);
		complete(resolved, "Task_RespondToCustomer", Map.of("contactNote", "Called back."));
		complete(resolved, "Task_Investigate", Map.of("resolution", "Refunded.", "compensation", 0));
		Complaint waiting = register(tag, 4);
		complete(waiting, "Task_RespondToCustomer", Map.of("contactNote", "Called back."));
		slaClock.askCustomer(waiting.getId(), "Which order number?", "carol");

		var expected = Map.of(ComplaintSlaState.ON_TIME, onTime, ComplaintSlaState.BREACHED, breached,
				ComplaintSlaState.WARNING, warned, ComplaintSlaState.AWAITING_CONFIRMATION, resolved,
				ComplaintSlaState.WAITING_FOR_CUSTOMER, waiting);
		expected.forEach((state, complaint) -> {
			assertThat(board.state(repository.findById(complaint.getId()).orElseThrow())).as("its own page").isEqualTo(state);
			var listing = board.page(state, null, tag, 0, 50);
			assertThat(listing.total()).as(state.name()).isEqualTo(1);
			assertThat(listing.rows()).as(state.name()).singleElement().satisfies(row -> {
				assertThat(row.complaint().getId()).isEqualTo(complaint.getId());
				assertThat(row.state()).isEqualTo(state);
			});
		});
		assertThat(board.page(ComplaintSlaState.CLOSED, null, tag, 0, 50).total()).isZero();
		// the row's due time is its earliest open step's, as the case page shows it
		var breachedRow = board.page(ComplaintSlaState.BREACHED, null, tag, 0, 50).rows().get(0);
		assertThat(breachedRow.due()).isEqualTo(openSteps(breached).get(0).getDueDate().toInstant());
		assertThat(board.page(ComplaintSlaState.WAITING_FOR_CUSTOMER, null, tag, 0, 50).rows().get(0).due()).isNull();
	}

	@Test
	void theListPagesOnTheServerWithTheTotalOfWhatMatches() {
		String tag = "paging" + UUID.randomUUID().toString().substring(0, 8);
		var ids = new java.util.ArrayList<Long>();
		for (int i = 0; i < 5; i++) {
			ids.add(register(tag, i).getId());
		}
		var first = board.page(null, null, tag, 0, 2);
		assertThat(first.total()).isEqualTo(5);
		assertThat(first.rows()).extracting(r -> r.complaint().getId()).containsExactly(ids.get(4), ids.get(3));
		assertThat(first.older()).isTrue();
		var last = board.page(null, null, tag, 2, 2);
		assertThat(last.rows()).extracting(r -> r.complaint().getId()).containsExactly(ids.get(0));
		assertThat(last.from()).isEqualTo(5);
		assertThat(last.older()).isFalse();
		assertThat(board.page(null, null, tag, 3, 2).rows()).as("past the end").isEmpty();
		// the category, the phone in any spelling, the number with or without #
		assertThat(board.page(null, Category.BILLING, tag, 0, 50).total()).isEqualTo(1);
		String phone = repository.findById(ids.get(2)).orElseThrow().getCustomerPhone();
		assertThat(board.page(null, null, phone.replaceAll("[^0-9]", "").substring(3), 0, 50).rows())
			.extracting(r -> r.complaint().getId()).containsExactly(ids.get(2));
		assertThat(board.page(null, null, "#" + ids.get(1), 0, 50).rows()).extracting(r -> r.complaint().getId())
			.containsExactly(ids.get(1));
		assertThat(board.page(null, null, tag.toUpperCase() + " 3", 0, 50).rows()).extracting(r -> r.complaint().getId())
			.containsExactly(ids.get(3));
		assertThat(board.page(null, null, "_" + tag.substring(1), 0, 50).total()).as("a wildcard typed is text").isZero();
	}

	private static final String[] CATEGORIES = { "DELIVERY", "SERVICE", "BILLING", "PRODUCT_DEFECT", "DELIVERY" };

	private Complaint register(String tag, int i) {
		String digits = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 9_000_000 + 1_000_000);
		return complaints.register(new ComplaintIntake("Board Customer " + tag + " " + i, tag + i + "@example.com",
				"+44 (0)161-" + digits, "PHONE", CATEGORIES[i], "Parcel " + i + " late.", null, null), "carol");
	}

	private List<Task> openSteps(Complaint complaint) {
		return taskService.createTaskQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(complaint.getId().toString())
			.active()
			.list();
	}

	private void moveDates(Complaint complaint, Instant due, Instant followUp) {
		for (Task task : openSteps(complaint)) {
			task.setDueDate(Date.from(due));
			task.setFollowUpDate(followUp == null ? null : Date.from(followUp));
			taskService.saveTask(task);
		}
	}

	private void complete(Complaint complaint, String taskKey, Map<String, Object> values) {
		var task = taskService.createTaskQuery()
			.processDefinitionKey(ComplaintToResolution.PROCESS_KEY)
			.processInstanceBusinessKey(complaint.getId().toString())
			.taskDefinitionKey(taskKey)
			.singleResult();
		taskService.claim(task.getId(), "carol");
		taskService.complete(task.getId(), values);
	}

}
