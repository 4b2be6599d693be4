package dev.lodestar.lead;

import java.util.List;

/** What a CSV import did, row by row. Each row stands alone: a bad row does not stop the others. */
public record ImportReport(int rows, int created, int failed, List<Row> results) {

	/**
	 * One data row (numbered from 1, the header not counted).
	 *
	 * @param customerOutcome how the row's customer was found: LINKED, CREATED or CREATED_LIKELY_DUPLICATE
	 */
	public record Row(int row, String status, Long leadId, Long customerId, String customerOutcome,
			List<FieldProblem> errors) {
	}

	/** A field of a row that was not accepted. */
	public record FieldProblem(String field, String message) {
	}

}
