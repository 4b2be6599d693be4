package dev.lodestar.frontoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.complaint.Complaint;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.complaint.ReplyChannel;
import dev.lodestar.customer.CustomerService;

/**
 * Intake asks how to reach the caller: the e-mail and phone the agent records go to the
 * complaint and the new customer, and the chosen channel decides how the resolution travels —
 * a link by mail, or an agent's call. No page speaks of a mail that was never sent.
 */
@LodestarIntegrationTest
class IntakeContactIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ComplaintService complaints;

	@Autowired
	CustomerService customers;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aComplaintTakenWithAPhoneOnlyGoesThePhonePathAndNoPageClaimsAMail() {
		String phone = "+44 20 7946 " + digits(4);
		var carol = PageSession.logIn(port, "carol");
		var recorded = carol.post("/intake/complaints", form(phone, "Phone Only " + UUID.randomUUID(), "", phone, "PHONE"));
		assertThat(recorded.statusCode()).isEqualTo(302);

		Complaint complaint = only(complaints.search(null, null, phone, null, 5));
		assertThat(complaint.getCustomerEmail()).isNull();
		assertThat(complaint.getPreferredContact()).isEqualTo(ReplyChannel.PHONE);
		assertThat(customers.get(complaint.getCustomerId()).phone()).isEqualTo(phone);
		resolve(complaint);

		assertThat(openTaskKeys(complaint)).containsExactly("Task_CallWithResolution");
		assertThat(resolvedMails(complaint)).isZero();
		String page = carol.get("/complaints/" + complaint.getId()).body();
		assertThat(page).contains("id=\"confirmation-by-phone\"")
			.contains("The customer has no e-mail address: no link is sent.")
			.doesNotContain("The customer has the link");
	}

	@Test
	void aComplaintTakenWithAnEmailGoesTheLinkPathAndTheMailIsQueued() {
		String email = "intake-" + UUID.randomUUID() + "@example.com";
		var carol = PageSession.logIn(port, "carol");
		var recorded = carol.post("/intake/complaints", form(email, "Mail Caller " + UUID.randomUUID(), email, "", "EMAIL"));
		assertThat(recorded.statusCode()).isEqualTo(302);

		Complaint complaint = only(complaints.search(null, email, null, null, 5));
		assertThat(complaint.getPreferredContact()).isEqualTo(ReplyChannel.EMAIL);
		assertThat(customers.get(complaint.getCustomerId()).email()).isEqualTo(email);
		resolve(complaint);

		assertThat(openTaskKeys(complaint)).doesNotContain("Task_CallWithResolution");
		assertThat(resolvedMails(complaint)).isEqualTo(1);
		String page = carol.get("/complaints/" + complaint.getId()).body();
		assertThat(page).contains("The customer has the link and has not answered yet.")
			.doesNotContain("id=\"confirmation-by-phone\"");
	}

	@Test
	void aCallerWithBothWhoAsksToBeCalledGoesThePhonePathAndGetsNoMail() {
		String email = "both-" + UUID.randomUUID() + "@example.com";
		String phone = "+86 21 5555 " + digits(4);
		var carol = PageSession.logIn(port, "carol");
		carol.post("/intake/complaints", form(email, "Both Caller " + UUID.randomUUID(), email, phone, "PHONE"));

		Complaint complaint = only(complaints.search(null, email, null, null, 5));
		assertThat(complaint.getCustomerPhone()).isEqualTo(phone);
		assertThat(complaint.repliesByEmail()).isFalse();
		resolve(complaint);

		assertThat(openTaskKeys(complaint)).containsExactly("Task_CallWithResolution");
		assertThat(resolvedMails(complaint)).isZero();
		assertThat(carol.get("/complaints/" + complaint.getId()).body())
			.contains("The customer asked to be called: no link is sent.")
			.doesNotContain("The customer has the link");
	}

	@Test
	void aChosenChannelWithoutItsAddressIsRefusedWithAClearMessageInBothLanguagesAndNothingIsRecorded() {
		String phone = "+44 20 7946 " + digits(4);
		String name = "Prefers Mail " + UUID.randomUUID();
		var carol = PageSession.logIn(port, "carol");
		var refused = carol.post("/intake/complaints", form(phone, name, "", phone, "EMAIL"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("data-field=\"customerEmail\"")
			.contains("the caller prefers e-mail: enter an e-mail address, or choose the phone")
			.contains(name) // what was typed stays
			.doesNotContain("please check this value");
		assertThat(complaints.search(null, null, phone, null, 5)).isEmpty();

		carol.get("/intake?lang=zh-CN");
		var badMail = carol.post("/intake/complaints", form(phone, name, "not-a-mail", "", "EMAIL"));
		assertThat(badMail.body()).contains("请输入电子邮件地址，例如 name@example.com");
		var nothing = carol.post("/intake/complaints", form(phone, name, "", "", "PHONE"));
		assertThat(nothing.body()).contains("需要电子邮件地址或电话号码才能答复客户");
		assertThat(complaints.search(null, null, phone, null, 5)).isEmpty();
	}

	private static Map<String, String> form(String caller, String name, String email, String phone, String preferred) {
		var form = new HashMap<String, String>();
		form.put("caller", caller);
		form.put("name", name);
		form.put("email", email);
		form.put("phone", phone);
		form.put("preferredContact", preferred);
		form.put("channel", "PHONE");
		form.put("category", "DELIVERY");
		form.put("description", "The parcel never came.\n包裹一直没到。");
		return form;
	}

	private void resolve(Complaint complaint) {
		complete(complaint, "Task_RespondToCustomer", Map.of("contactNote", "Called back."));
		complete(complaint, "Task_Investigate", Map.of("resolution", "A new parcel ships on Monday.", "compensation", 0));
		assertThat(complaints.get(complaint.getId()).getStatus().name()).isEqualTo("RESOLVED");
	}

	private List<String> openTaskKeys(Complaint complaint) {
		return taskService.createTaskQuery()
			.processDefinitionKey("complaint-to-resolution")
			.processInstanceBusinessKey(complaint.getId().toString())
			.list()
			.stream()
			.map(t -> t.getTaskDefinitionKey())
			.toList();
	}

	private void complete(Complaint complaint, String taskKey, Map<String, Object> values) {
		var task = taskService.createTaskQuery()
			.processDefinitionKey("complaint-to-resolution")
			.processInstanceBusinessKey(complaint.getId().toString())
			.taskDefinitionKey(taskKey)
			.singleResult();
		taskService.claim(task.getId(), "carol");
		taskService.complete(task.getId(), values);
	}

	private static Complaint only(List<Complaint> found) {
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private int resolvedMails(Complaint complaint) {
		return jdbc.queryForObject("select count(*) from crm_notification where dedupe_key like ?", Integer.class,
				"complaint-resolved:" + complaint.getId() + ":%");
	}

	private static String digits(int n) {
		long seed = System.nanoTime();
		System.out.println("IntakeContactIntegrationTest phone seed " + seed);
		return String.format("%0" + n + "d", Math.floorMod(new java.util.Random(seed).nextLong(), (long) Math.pow(10, n)));
	}

}
