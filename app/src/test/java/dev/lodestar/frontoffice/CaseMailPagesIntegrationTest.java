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
import dev.lodestar.complaint.ComplaintMailbox;
import dev.lodestar.complaint.ComplaintService;
import dev.lodestar.complaint.InboundMail;
import dev.lodestar.customer.CustomerService;

/**
 * The pages of mail in and out of the case: carol edits the customer on the 360° page (name and
 * language, the change on the timeline), then writes to the customer from the complaint page; the
 * mail is on the case's thread and in the administrators' outbox, and what a customer wrote is
 * shown escaped.
 */
@LodestarIntegrationTest
class CaseMailPagesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ComplaintService complaints;

	@Autowired
	ComplaintMailbox mailbox;

	@Autowired
	CustomerService customers;

	@Test
	void carolEditsTheCustomerAndWritesFromTheComplaintPage() {
		String email = "li." + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
		Complaint complaint = complaints.register(new ComplaintIntake("Li Wei", email, null, "PHONE", "DELIVERY",
				"The wardrobe came a week late.", null, null), "carol");
		long customerId = complaint.getCustomerId();
		var carol = PageSession.logIn(port, "carol");

		var edited = carol.post("/customers/" + customerId + "/edit",
				Map.of("name", "Li Wei (Shanghai)", "email", email, "phone", "", "preferredLanguage", "zh-CN"));
		assertThat(edited.statusCode()).isEqualTo(302);
		assertThat(customers.preferredLanguage(customerId)).isEqualTo("zh-CN");
		String page = carol.get("/customers/" + customerId).body();
		assertThat(page).contains("Li Wei (Shanghai)", "Customer edited: name: Li Wei → Li Wei (Shanghai); language: – → zh-CN");
		var refused = carol.post("/customers/" + customerId + "/edit",
				Map.of("name", "Li Wei", "email", "not-an-address", "phone", "", "preferredLanguage", "fr"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(customers.get(customerId).name()).isEqualTo("Li Wei (Shanghai)");

		mailbox.addReply(complaint.getId(), new InboundMail(email, "Li Wei", "Re: wardrobe",
				"<script>alert('x')</script> still waiting", "<x1@example.cn>", java.util.List.of(), java.util.List.of(),
				null), "mail");
		String complaintPage = carol.get("/complaints/" + complaint.getId()).body();
		assertThat(complaintPage).contains("[LS-C-" + complaint.getId() + "]", "id=\"reply-form\"")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; still waiting")
			.doesNotContain("<script>alert('x')</script>");

		var sent = carol.post("/complaints/" + complaint.getId() + "/replies",
				Map.of("subject", "[LS-C-" + complaint.getId() + "] 衣柜", "body", "衣柜明天送到。"));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(mailbox.thread(complaint.getId())).last().satisfies(m -> {
			assertThat(m.direction()).isEqualTo("OUT");
			assertThat(m.body()).isEqualTo("衣柜明天送到。");
			assertThat(m.subject()).isEqualTo("[LS-C-" + complaint.getId() + "] 衣柜");
		});
		assertThat(carol.get("/complaints/" + complaint.getId()).body()).contains("衣柜明天送到。");

		// administrators see what was sent; carol does not see the outbox
		assertThat(PageSession.logIn(port, "admin").get("/settings/outbox").body()).contains(email,
				"[LS-C-" + complaint.getId() + "] 衣柜");
		assertThat(carol.get("/settings/outbox").statusCode()).isEqualTo(403);
	}

}
