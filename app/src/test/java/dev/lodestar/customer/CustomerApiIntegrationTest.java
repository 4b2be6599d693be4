package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;

@LodestarIntegrationTest
class CustomerApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CustomerService customers;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private ApiClient api() {
		return new ApiClient(port);
	}

	@Test
	void aRepCreatesACustomerLogsACallAndSeesItInThe360View() {
		var created = api().post("alice", "/api/customers", """
				{"name":"Lumen %s Ltd","contactName":"Ida Park","email":"ida.%s@lumen.example","phone":"+49 30 1234 %s"}
				""".formatted(tag, tag, CustomerServiceIntegrationTest.randomDigits().substring(0, 4)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().at("/customer/id").asLong();
		assertThat(created.location()).endsWith("/api/customers/" + id);
		assertThat(created.json().at("/outcome").asText()).isEqualTo("CREATED");

		var logged = api().post("alice", "/api/customers/" + id + "/interactions", """
				{"type":"VISIT","contactName":"Ida Park","summary":"Demo of the product","outcome":"wants a proposal"}
				""");
		assertThat(logged.status()).as(logged.body()).isEqualTo(201);
		assertThat(logged.json().at("/recordedBy").asText()).isEqualTo("alice");

		var view = api().get("carol", "/api/customers/" + id + "/view");
		assertThat(view.status()).as(view.body()).isEqualTo(200);
		assertThat(view.json().at("/customer/name").asText()).isEqualTo("Lumen " + tag + " Ltd");
		assertThat(view.json().at("/contacts/0/name").asText()).isEqualTo("Ida Park");
		assertThat(view.json().at("/interactions/0/type").asText()).isEqualTo("VISIT");
		assertThat(view.json().at("/interactions/0/outcome").asText()).isEqualTo("wants a proposal");
		assertThat(view.json().has("sections")).isTrue();
	}

	@Test
	void postingTheSameEmailAgainLinksInsteadOfCreating() {
		String body = """
				{"name":"Stratus %s","contactName":"Al","email":"al.%s@stratus.example"}""".formatted(tag, tag);
		var first = api().post("alice", "/api/customers", body);
		var second = api().post("carol", "/api/customers", body.replace("Stratus", "Stratus Group"));
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().at("/outcome").asText()).isEqualTo("LINKED");
		assertThat(second.json().at("/customer/id").asLong()).isEqualTo(first.json().at("/customer/id").asLong());
	}

	@Test
	void callCentreFindsTheCallerByPhoneAndByEmail() {
		String digits = CustomerServiceIntegrationTest.randomDigits();
		var created = customers.createOrLink(CustomerDraft.company("Comet " + tag, "Lu", "lu." + tag + "@comet.example",
				digits, null), "alice");
		var byPhone = api().get("carol", "/api/customers/lookup?phone=%2B1-" + digits);
		assertThat(byPhone.status()).as(byPhone.body()).isEqualTo(200);
		assertThat(byPhone.json().at("/id").asLong()).isEqualTo(created.customer().id());
		var byEmail = api().get("carol", "/api/customers/lookup?email=LU." + tag + "@comet.example");
		assertThat(byEmail.json().at("/id").asLong()).isEqualTo(created.customer().id());
		assertThat(api().get("carol", "/api/customers/lookup?email=nobody." + tag + "@x.example").status())
			.isEqualTo(404);
	}

	@Test
	void aRepMergesALikelyDuplicateReportedInTheView() {
		var a = customers.createOrLink(CustomerDraft.company("Helix " + tag, "Kai", null, null, null), "alice");
		var b = customers.createOrLink(CustomerDraft.company("Helix " + tag + " GmbH", "Lea", null, null, null), "alice");
		long aId = a.customer().id();
		long bId = b.customer().id();
		var view = api().get("alice", "/api/customers/" + aId + "/view");
		assertThat(view.json().at("/possibleDuplicates/0/customer/id").asLong()).isEqualTo(bId);

		String version = api().get("alice", "/api/customers/" + bId + "/merge-preview?into=" + aId).json().at("/version")
			.asText();
		String body = "{\"survivorId\":" + aId + ",\"version\":\"" + version + "\"}";
		var merged = api().post("alice", "/api/customers/" + bId + "/merge", body);
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(api().get("alice", "/api/customers/" + aId).json().at("/contacts").size()).isEqualTo(2);
		var again = api().post("alice", "/api/customers/" + bId + "/merge", body);
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void badInputIsAProblemNamingEachField() {
		var response = api().post("alice", "/api/customers", """
				{"name":" ","email":"not-an-email"}""");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().at("/errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "name");

		var interaction = api().post("alice", "/api/customers/1/interactions", """
				{"type":"TELEGRAM","summary":"x"}""");
		assertThat(interaction.status()).isEqualTo(400);
		assertThat(interaction.json().at("/errors/0/field").asText()).isEqualTo("type");
	}

	@Test
	void customerDataIsForSalesServiceAndLeadershipOnly() {
		var customer = customers.createOrLink(CustomerDraft.company("Aurora " + tag, null, null, null, null), "alice");
		String path = "/api/customers/" + customer.customer().id();
		assertThat(api().get(null, path).status()).isEqualTo(401);
		assertThat(api().get("grace", path).status()).isEqualTo(403);
		assertThat(api().get("erin", path).status()).isEqualTo(200);
		assertThat(api().post("erin", path + "/interactions", "{\"type\":\"NOTE\",\"summary\":\"hi\"}").status())
			.isEqualTo(403);
		assertThat(api().get("alice", "/api/customers/999999999").status()).isEqualTo(404);
	}

}
