package dev.lodestar.lead;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lodestar.system.InvalidInputException;

/**
 * Bulk import of leads from CSV (RFC 4180: comma-separated, double quotes around values with
 * commas or quotes). The header names the columns, in any order: {@code company}, {@code
 * contactName}, {@code email}, {@code phone}, {@code source}, {@code region}, {@code notes},
 * and optionally {@code segment} and {@code estimatedValue}. Each row is captured in its own
 * transaction, exactly like {@code POST /api/leads}: all of it or nothing of it. A refused row
 * (a field invalid, a value its column cannot hold, text with a NUL character, or anything the
 * database refuses) is reported with the field and the reason and never stops the rows after it;
 * the report lists every row.
 */
@Component
class LeadImport {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LeadImport.class);

	static final List<String> COLUMNS = List.of("company", "contactName", "email", "phone", "source", "region",
			"notes", "segment", "estimatedValue");

	private final LeadCapture leads;
	private final TransactionTemplate rowTransaction;
	private final LeadSettings settings;

	LeadImport(LeadCapture leads, PlatformTransactionManager transactions, LeadSettings settings) {
		this.leads = leads;
		this.settings = settings;
		this.rowTransaction = new TransactionTemplate(transactions);
		this.rowTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The header and an example row: what {@code /leads/import/template} hands out. */
	static String template() {
		return String.join(",", COLUMNS) + "\r\n"
				+ "Acme Ltd,Ann Lee,ann.lee@example.com,+44 20 7946 0000,WEB,EMEA,Met at the trade fair,ENTERPRISE,\"50,000\"\r\n";
	}

	/** {@link #template()} as a file to save: UTF-8 with a byte order mark, so spreadsheets read it as such. */
	static org.springframework.http.ResponseEntity<String> templateDownload() {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment().filename("leads-template.csv").build().toString())
			.body("\uFEFF" + template());
	}

	/** The columns whose values are codes, with their codes: the import page lists them. */
	static java.util.Map<String, List<String>> codedColumns() {
		var columns = new java.util.LinkedHashMap<String, List<String>>();
		columns.put("source", java.util.Arrays.stream(LeadSource.values()).map(Enum::name).toList());
		columns.put("region", java.util.Arrays.stream(Region.values()).map(Enum::name).toList());
		columns.put("segment", java.util.Arrays.stream(Segment.values()).map(Enum::name).toList());
		return columns;
	}

	ImportReport run(String csv, String user) {
		List<List<String>> records = parse(csv == null ? "" : csv);
		if (records.isEmpty()) {
			throw new InvalidInputException("file", "is empty: a header line and at least one row are needed");
		}
		Map<String, Integer> header = new HashMap<>();
		List<String> names = records.get(0);
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).strip();
			for (String column : COLUMNS) {
				if (column.equalsIgnoreCase(name)) {
					header.put(column, i);
				}
			}
		}
		if (!header.containsKey("company")) {
			throw new InvalidInputException("file", "the header must name the columns, at least 'company'; known: " + COLUMNS);
		}
		int rows = records.size() - 1;
		if (rows > settings.importMaxRows()) {
			throw new InvalidInputException("file", "has " + rows + " rows; at most " + settings.importMaxRows()
					+ " are imported at once");
		}
		var results = new ArrayList<ImportReport.Row>();
		int created = 0;
		for (int r = 1; r < records.size(); r++) {
			List<String> values = records.get(r);
			if (values.size() == 1 && values.get(0).isBlank()) {
				continue;
			}
			var lead = new NewLead(cell(values, header, "company"), cell(values, header, "contactName"),
					cell(values, header, "email"), cell(values, header, "phone"), cell(values, header, "source"),
					cell(values, header, "region"), cell(values, header, "notes"), cell(values, header, "segment"),
					cell(values, header, "estimatedValue"));
			var nul = COLUMNS.stream().filter(column -> {
				String value = cell(values, header, column);
				return value != null && value.indexOf('\u0000') >= 0;
			}).map(column -> new ImportReport.FieldProblem(column, "must be text without NUL characters")).toList();
			if (!nul.isEmpty()) {
				results.add(new ImportReport.Row(r, "FAILED", null, null, null, nul));
				continue;
			}
			try {
				LeadView view = rowTransaction.execute(status -> leads.capture(lead, user));
				created++;
				results.add(new ImportReport.Row(r, "CREATED", view.id(), view.customerId(),
						view.duplicateOfId() != null ? "CREATED_LIKELY_DUPLICATE" : null, List.of()));
			}
			catch (InvalidInputException e) {
				results.add(new ImportReport.Row(r, "FAILED", null, null, null, e.errors()
					.stream()
					.map(error -> new ImportReport.FieldProblem(error.field(), error.message()))
					.toList()));
			}
			catch (RuntimeException e) {
				// the row's transaction is rolled back whole; the next row starts afresh
				log.warn("lead import: row {} was not stored", r, e);
				results.add(new ImportReport.Row(r, "FAILED", null, null, null,
						List.of(new ImportReport.FieldProblem("row", "could not be stored: " + reason(e)))));
			}
		}
		return new ImportReport(results.size(), created, results.size() - created, results);
	}

	private static String reason(RuntimeException e) {
		if (e instanceof dev.lodestar.system.ConflictException) {
			return e.getMessage();
		}
		if (e instanceof org.springframework.dao.DataIntegrityViolationException) {
			return "a value does not fit the database";
		}
		return "an unexpected error (see the server log)";
	}

	private static String cell(List<String> values, Map<String, Integer> header, String column) {
		Integer index = header.get(column);
		if (index == null || index >= values.size()) {
			return null;
		}
		String value = values.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	/** RFC 4180 records: quoted values may hold commas, doubled quotes and line breaks. */
	static List<List<String>> parse(String csv) {
		var records = new ArrayList<List<String>>();
		var record = new ArrayList<String>();
		var value = new StringBuilder();
		boolean quoted = false;
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					value.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					value.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(value.toString());
				value.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(value.toString());
				value.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else {
				value.append(c);
			}
		}
		if (value.length() > 0 || !record.isEmpty()) {
			record.add(value.toString());
			records.add(record);
		}
		records.removeIf(r -> r.stream().allMatch(String::isBlank));
		return records;
	}

}
