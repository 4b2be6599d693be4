package dev.lodestar.customer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.lodestar.system.CsvExport;
import dev.lodestar.system.InvalidInputException;

/** The customer list's URL parameters as the page and the API take them, and its CSV columns. */
final class CustomerListParameters {

	static final int DEFAULT_SIZE = 50;

	/** The API's CSV columns: the JSON's field names. */
	static final List<String> CSV_COLUMNS = List.of("number", "name", "kind", "email", "phone", "region", "segment",
			"createdAt");

	private CustomerListParameters() {
	}

	/**
	 * The query the parameters describe: {@code sort} one of name, number, since, region,
	 * segment (default name); {@code dir} asc or desc; a wrong value is invalid input naming it.
	 */
	static CustomerListQuery query(String q, int page, Integer size, String sort, String dir) {
		return new CustomerListQuery(q, sort(sort), descending(dir), page, size == null ? DEFAULT_SIZE : size);
	}

	static CustomerSort sort(String sort) {
		if (sort == null || sort.isBlank()) {
			return CustomerSort.NAME;
		}
		return Arrays.stream(CustomerSort.values())
			.filter(s -> s.name().equalsIgnoreCase(sort.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("sort", "must be one of "
					+ Arrays.stream(CustomerSort.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));
	}

	static boolean descending(String dir) {
		if (dir == null || dir.isBlank() || dir.equalsIgnoreCase("asc")) {
			return false;
		}
		if (dir.equalsIgnoreCase("desc")) {
			return true;
		}
		throw new InvalidInputException("dir", "must be asc or desc");
	}

	static void row(CsvExport csv, CustomerSummary c) {
		csv.row(c.id(), c.name(), c.kind(), c.email(), c.phone(), c.region(), c.segment(), c.since());
	}

}
