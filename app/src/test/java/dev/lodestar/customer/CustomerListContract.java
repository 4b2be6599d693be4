package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.PageLogin;
import dev.lodestar.SeededRandom;

/**
 * The customer list at volume, the same on every database: 5,000 customers (stored through the
 * repository in batches, the way the service builds them, since matching each against the others
 * would take minutes) are paged through, found by name, e-mail, phone, contact and number through
 * the list's real query, and exported with their formulas neutralised.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerListContract {

	static final int CUSTOMERS = 5_000;

	@LocalServerPort
	int port;

	@Autowired
	CustomerService service;

	@Autowired
	Customers repository;

	final String tag = "v" + UUID.randomUUID().toString().substring(0, 8);

	/** The seeded customers, in the order they were stored. */
	final List<Customer> seeded = new ArrayList<>();

	/** A ten-digit block of phone numbers nobody else uses: customer i has base + i. */
	long phoneBase;

	@BeforeAll
	void seedFiveThousandCustomers() {
		phoneBase = 7_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 2_000_000_000L);
		var now = Instant.parse("2026-06-01T09:00:00Z");
		var batch = new ArrayList<Customer>();
		for (int i = 0; i < CUSTOMERS; i++) {
			var customer = new Customer(i % 7 == 0 ? CustomerKind.PERSON : CustomerKind.COMPANY,
					"Quill " + tag + " " + word(i) + " " + i + " Trading Ltd", "desk" + i + "." + tag + "@quill.example",
					"+1 " + (phoneBase + i), i % 2 == 0 ? "EMEA" : "APAC", i % 3 == 0 ? "SMB" : "ENTERPRISE", "test",
					now.plusSeconds(i));
			customer.addContact("Contact " + tag + " Person" + i, null, "person" + i + "." + tag + "@contacts.example",
					null, now);
			batch.add(customer);
			if (batch.size() == 500) {
				seeded.addAll(repository.saveAll(batch));
				batch.clear();
			}
		}
		seeded.addAll(repository.saveAll(batch));
		repository.flush();
	}

	private static String word(int i) {
		return List.of("Harbour", "Meadow", "Granite", "Willow", "Copper", "Lantern").get(i % 6);
	}

	private CustomerListQuery query(String text, CustomerSort sort, boolean descending, int page, int size) {
		return new CustomerListQuery(text, sort, descending, page, size);
	}

	@Test
	void pagesThroughFiveThousandCustomersCountedAndInOrder() {
		var first = service.list(query(tag, CustomerSort.NAME, false, 1, 200));
		assertThat(first.total()).isEqualTo(CUSTOMERS);
		assertThat(first.pages()).isEqualTo(25);
		assertThat(first.links()).containsExactly(1, 2, 3, 0, 25);

		var ids = new HashSet<Long>();
		String previous = "";
		for (int page = 1; page <= first.pages(); page++) {
			var rows = service.list(query(tag, CustomerSort.NAME, false, page, 200));
			assertThat(rows.items()).hasSize(200);
			for (CustomerSummary row : rows.items()) {
				assertThat(row.name().compareTo(previous)).as("ordered by name").isGreaterThanOrEqualTo(0);
				previous = row.name();
				ids.add(row.id());
			}
		}
		assertThat(ids).hasSize(CUSTOMERS).containsAll(seeded.stream().map(Customer::getId).toList());
		assertThat(service.list(query(tag, CustomerSort.NAME, false, 26, 200)).items()).isEmpty();

		// newest first by "customer since": the last one stored, then the one before
		var newest = service.list(query(tag, CustomerSort.SINCE, true, 1, 2)).items();
		assertThat(newest).extracting(CustomerSummary::id)
			.containsExactly(seeded.get(CUSTOMERS - 1).getId(), seeded.get(CUSTOMERS - 2).getId());
		// without text: every active customer, counted
		assertThat(service.list(query(null, CustomerSort.NUMBER, false, 1, 20)).total())
			.isGreaterThanOrEqualTo(CUSTOMERS);
	}

	@Test
	void findsAnyOfThemByNameEmailPhoneContactAndNumber() {
		var random = SeededRandom.forProperty("customer list search");
		for (int n = 0; n < 25; n++) {
			int i = random.between(0, CUSTOMERS - 1);
			long id = seeded.get(i).getId();
			String name = "Quill " + tag + " " + word(i) + " " + i + " Trading Ltd";
			assertThat(found(name)).as("name of %d", i).containsExactly(id);
			assertThat(found(name.toUpperCase(java.util.Locale.ROOT).replace(" LTD", " Limited")))
				.as("name in capitals, another legal form").containsExactly(id);
			assertThat(found("DESK" + i + "." + tag + "@Quill.example")).as("e-mail").containsExactly(id);
			String digits = String.valueOf(phoneBase + i);
			assertThat(found("+1 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6)))
				.as("phone spelt another way").containsExactly(id);
			assertThat(found("person" + i + "." + tag)).as("contact's e-mail").containsExactly(id);
			assertThat(found("#" + id)).as("number").containsExactly(id);
		}
		// a word of the name finds all that have it, counted
		assertThat(service.list(query(tag + " granite", CustomerSort.NAME, false, 1, 20)).total())
			.isEqualTo(java.util.stream.IntStream.range(0, CUSTOMERS).filter(i -> i % 6 == 2).count());
		// LIKE's wildcards are plain characters ("quill " + tag would find them all)
		assertThat(found("q%" + tag)).isEmpty();
		assertThat(found("qu_ll " + tag)).isEmpty();
	}

	private List<Long> found(String text) {
		return service.list(query(text, CustomerSort.NAME, false, 1, 20)).items().stream().map(CustomerSummary::id).toList();
	}

	@Test
	void theApiAnswersJsonOrCsvAsTheAcceptHeaderSaysAndNeutralisesFormulas() throws Exception {
		String evilTag = "x" + UUID.randomUUID().toString().substring(0, 8);
		// (a leading tab or carriage return never reaches a name: names are stripped; CsvExportUnitTest)
		for (String evil : List.of("=HYPERLINK(\"http://evil.example\",\"" + evilTag + "\")", "+" + evilTag + " SUM(A1)",
				"-" + evilTag + "-2+3", "@" + evilTag + " cmd", "Plain " + evilTag)) {
			repository.saveAndFlush(new Customer(CustomerKind.COMPANY, evil, null, null, null, null, "test", Instant.now()));
		}
		var json = get("bob", "/api/customers?q=" + evilTag + "&size=2&page=2&sort=number", "application/json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("X-Total-Count")).hasValue("5");
		assertThat(json.headers().firstValue("Link").orElseThrow()).contains("page=1>; rel=\"prev\"")
			.contains("page=3>; rel=\"next\"")
			.contains("page=3>; rel=\"last\"");

		var csv = get("bob", "/api/customers?q=" + evilTag + "&size=50&sort=number", "text/csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		var cells = nameCells(csv.body());
		assertThat(cells).hasSize(5).allSatisfy(cell -> assertThat(cell).satisfiesAnyOf(
				c -> assertThat(c).startsWith("'"), c -> assertThat(c).startsWith("Plain")));
		assertThat(cells).contains("'=HYPERLINK(\"http://evil.example\",\"" + evilTag + "\")", "'@" + evilTag + " cmd");

		assertThat(get("bob", "/api/customers?q=" + evilTag, "application/xml").statusCode()).isEqualTo(406);
		var wrongSort = get("bob", "/api/customers?sort=shoe", "application/json");
		assertThat(wrongSort.statusCode()).isEqualTo(400);
		assertThat(wrongSort.body()).contains("sort");
		assertThat(get("bob", "/api/customers?size=5000", "application/json").statusCode()).isEqualTo(400);
	}

	@Test
	void thePageExportsEveryRowItListsNotJustOnePage() throws Exception {
		var session = PageLogin.as(port, "carol");
		var page = session.get("/customers?q=" + tag + "+meadow&sort=number&dir=desc&size=20&page=3");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("41\u201360").contains("href=\"/customers/export?q=" + tag + "+meadow&amp;sort=number&amp;dir=desc\"");
		int rows = page.body().split("class=\"customer-row\"", -1).length - 1;
		assertThat(rows).isEqualTo(20);

		var export = session.get("/customers/export?q=" + tag + "+meadow&sort=number&dir=desc");
		assertThat(export.statusCode()).isEqualTo(200);
		var lines = export.body().split("\r\n");
		int meadows = (int) java.util.stream.IntStream.range(0, CUSTOMERS).filter(i -> i % 6 == 1).count();
		assertThat(lines).hasSize(meadows + 1);
		int newestMeadow = java.util.stream.IntStream.range(0, CUSTOMERS).filter(i -> i % 6 == 1).max().orElseThrow();
		assertThat(lines[1]).startsWith(seeded.get(newestMeadow).getId() + ",");
	}

	private static List<String> nameCells(String csv) throws IOException {
		try (var parser = org.apache.commons.csv.CSVParser.parse(csv,
				org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
			return parser.getRecords().stream().map(r -> r.get("name")).toList();
		}
	}

	private HttpResponse<String> get(String user, String path, String accept) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", accept)
			.GET()
			.build();
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
				HttpResponse.BodyHandlers.ofString());
	}

}
