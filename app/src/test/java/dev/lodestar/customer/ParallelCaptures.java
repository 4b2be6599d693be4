package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The same new person captured at the same moment by several people, through several doors: each
 * scenario counts the customers made and prints the figure. Shared by the H2 and the PostgreSQL
 * test (their locking differs).
 */
final class ParallelCaptures {

	private final ApiClient api;
	private final String tag;

	ParallelCaptures(ApiClient api, long seed) {
		this.api = api;
		// the seed only makes the addresses unique per run; printed so a failing run can be named
		this.tag = Long.toString(Math.abs(new Random(seed).nextLong()), 36);
		System.out.println("ParallelCaptures seed " + seed + ", tag " + tag);
	}

	/** 8 lead captures with one new e-mail: one customer. */
	Set<Long> leadsWithOneEmail() {
		String email = "Same." + tag + "@Parallel.example";
		var responses = together(8, i -> api.post(i % 2 == 0 ? "alice" : "bob", "/api/leads", """
				{"company":"Parallel %s","contactName":"Sam %d","email":"%s","source":"WEB","region":"NA"}"""
			.formatted(tag, i, i % 2 == 0 ? email : "  " + email.toLowerCase() + " ")));
		return figure("8 parallel lead captures of one e-mail", responses, 201, "/customerId");
	}

	/** 8 {@code POST /api/customers} with one new e-mail: one customer. */
	Set<Long> customersWithOneEmail() {
		String email = "cust." + tag + "@parallel.example";
		var responses = together(8, i -> api.post("alice", "/api/customers", """
				{"kind":"COMPANY","name":"Parallel Customer %s","email":"%s"}""".formatted(tag, email)));
		responses.forEach(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
		return figure("8 parallel customer creations of one e-mail", responses, null, "/customer/id");
	}

	/** 8 complaints from one new phone: one customer. */
	Set<Long> complaintsFromOnePhone() {
		String digits = String.valueOf(100_000_0000L + Math.floorMod(tag.hashCode(), 899_999_999L));
		var responses = together(8, i -> api.post("carol", "/api/complaints", """
				{"customerName":"Caller %s","customerPhone":"%s","channel":"PHONE","category":"DELIVERY",
				 "description":"Parcel %d is late."}""".formatted(tag, i % 2 == 0 ? "+1 " + digits : digits, i)));
		return figure("8 parallel complaints from one phone", responses, 201, "/customerId");
	}

	/** 4 imports of the same 20 rows (20 people): 20 customers. */
	Set<Long> importsOfTheSameRows() {
		var csv = new StringBuilder("company,contactName,email,phone,source,region\n");
		for (int row = 0; row < 20; row++) {
			csv.append("Imported %s %d,Row %d,row%d.%s@import.example,,WEB,EMEA\n".formatted(tag, row, row, row, tag));
		}
		var responses = together(4, i -> api.postBody("alice", "/api/leads/import", "text/csv", csv.toString()));
		var customers = new TreeSet<Long>();
		for (var response : responses) {
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.json().at("/created").asInt()).as(response.body()).isEqualTo(20);
			for (JsonNode row : response.json().at("/results")) {
				customers.add(row.at("/customerId").asLong());
			}
		}
		System.out.printf("4 parallel imports of the same 20 rows: %d customers%n", customers.size());
		return customers;
	}

	private Set<Long> figure(String what, List<ApiClient.Response> responses, Integer status, String idPointer) {
		var ids = new TreeSet<Long>();
		for (var response : responses) {
			if (status != null) {
				assertThat(response.status()).as(response.body()).isEqualTo(status);
			}
			ids.add(response.json().at(idPointer).asLong());
		}
		System.out.printf("%s: %d customer(s) %s%n", what, ids.size(), ids);
		return ids;
	}

	private static List<ApiClient.Response> together(int parallel, IntFunction<ApiClient.Response> request) {
		var pool = Executors.newFixedThreadPool(parallel);
		try {
			var start = new CountDownLatch(1);
			var futures = new ArrayList<Future<ApiClient.Response>>();
			for (int i = 0; i < parallel; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return request.apply(index);
				}));
			}
			start.countDown();
			var responses = new ArrayList<ApiClient.Response>();
			for (var future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
