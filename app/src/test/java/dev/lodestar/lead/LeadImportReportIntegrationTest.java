package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.ApiClient;

/** An import is all or nothing per row, and the report lists every row, whatever a row holds. */
@LodestarIntegrationTest
class LeadImportReportIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aRowTooLargeForItsColumnOrWithNulIsRefusedWithTheFieldAndTheRowsAfterItStillGoThrough() {
		var api = new ApiClient(port);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				company,contactName,email,source,region,estimatedValue
				Row one %1$s,Ann,one.%1$s@import.example,WEB,NA,1000
				Row two %1$s,Bo,two.%1$s@import.example,WEB,NA,2000
				Row three %1$s,Cy,three.%1$s@import.example,WEB,NA,10000000000000
				Row four %1$s,D\u0000an,four.%1$s@import.example,WEB,NA,4000
				Row five %1$s,Eve,five.%1$s@import.example,WEB,NA,5000
				""".formatted(tag);

		var report = api.postBody("alice", "/api/leads/import", "text/csv", csv);

		assertThat(report.status()).as(report.body()).isEqualTo(200);
		var json = report.json();
		assertThat(json.at("/rows").asInt()).isEqualTo(5);
		assertThat(json.at("/created").asInt()).isEqualTo(3);
		assertThat(json.at("/failed").asInt()).isEqualTo(2);
		assertThat(json.at("/results").findValuesAsText("status")).containsExactly("CREATED", "CREATED", "FAILED",
				"FAILED", "CREATED");
		assertThat(json.at("/results/2/errors/0/field").asText()).isEqualTo("estimatedValue");
		assertThat(json.at("/results/2/errors/0/message").asText()).contains("9999999999999.99");
		assertThat(json.at("/results/3/errors/0/field").asText()).isEqualTo("contactName");
		assertThat(json.at("/results/3/errors/0/message").asText()).contains("NUL");
		// nothing of a refused row was written
		assertThat(api.get("alice", "/api/leads?q=row%20three%20" + tag).json().size()).isZero();
		var customers = api.get("alice", "/api/customers?q=three." + tag);
		assertThat(customers.status()).as(customers.body()).isEqualTo(200);
		assertThat(customers.json().isArray()).as(customers.body()).isTrue();
		assertThat(customers.json().size()).as(customers.body()).isZero();
		assertThat(api.get("alice", "/api/leads?q=row%20five%20" + tag).json().size()).isEqualTo(1);
	}

}
