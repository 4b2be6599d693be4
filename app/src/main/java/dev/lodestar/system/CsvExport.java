package dev.lodestar.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;

/**
 * Lists exported as CSV (RFC 4180, UTF-8, CRLF): what a list shows, for a spreadsheet. A cell
 * that a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a carriage
 * return) is written with a leading apostrophe, so that a customer named {@code =HYPERLINK(...)}
 * stays text (OWASP's "CSV injection").
 */
public final class CsvExport implements AutoCloseable {

	/** {@code text/csv} in UTF-8, as exports answer. */
	public static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private final CSVPrinter printer;

	private CsvExport(Writer out) {
		try {
			this.printer = new CSVPrinter(out, FORMAT);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An export to {@code out} that starts with this header row. */
	public static CsvExport to(Writer out, List<String> header) {
		var export = new CsvExport(out);
		export.row(header.toArray());
		return export;
	}

	/** One row; {@code null} cells are empty, every cell neutralised. */
	public CsvExport row(Object... cells) {
		try {
			printer.printRecord(Arrays.stream(cells).map(CsvExport::neutralised).toList());
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The cell as text a spreadsheet shows and never runs. */
	public static String neutralised(Object cell) {
		if (cell == null) {
			return "";
		}
		String text = cell.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	@Override
	public void close() {
		try {
			printer.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
