package dev.lodestar.lead;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.lodestar.system.CsvExport;
import dev.lodestar.system.SystemTexts;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pipeline list as a CSV file: the list's rows (same filter, same order, every page, at most
 * a cap), its columns with headers in the reader's language, stage, region and source by their
 * names, cells neutralised against formulas ({@link CsvExport}). The page's export and the API's
 * write the same file.
 */
@Component
class PipelineExport {

	private static final List<String> COLUMNS = List.of("number", "company", "contact", "stage", "owner", "region",
			"source", "value", "currency", "captured");

	private final LeadPipeline pipeline;
	private final MessageSource messages;
	private final SystemTexts texts;
	private final dev.lodestar.system.MoneySettings money;

	PipelineExport(LeadPipeline pipeline, MessageSource messages, SystemTexts texts,
			dev.lodestar.system.MoneySettings money) {
		this.pipeline = pipeline;
		this.messages = messages;
		this.texts = texts;
		this.money = money;
	}

	/** Writes the file as the answer: {@code X-Total-Count} the list's rows in all, at most {@code max} written. */
	void write(Pipeline.Filter filter, String sort, boolean descending, int max, Locale locale,
			HttpServletResponse response) throws IOException {
		var header = COLUMNS.stream().map(column -> messages.getMessage("leads.csv." + column, null, locale)).toList();
		var out = new java.io.StringWriter();
		out.write('\uFEFF'); // so that spreadsheets read UTF-8 (Chinese names) as UTF-8
		long total;
		try (var csv = CsvExport.to(out, header)) {
			total = pipeline.export(filter, sort, descending, max, row -> {
				var card = row.card();
				csv.row(card.id(), card.company(), card.contactName(), texts.label("leads.stage.", row.stage().name(), locale),
						card.owner() == null ? null : texts.user(card.owner()),
						texts.label("leads.region.", card.region() == null ? null : card.region().name(), locale),
						texts.label("leads.source.", card.source() == null ? null : card.source().name(), locale),
						card.value() == null ? null : card.value().toPlainString(),
						card.value() == null ? null : money.currency(),
						card.createdAt() == null ? null : LocalDate.ofInstant(card.createdAt(), ZoneOffset.UTC));
			});
		}
		response.setContentType(CsvExport.TEXT_CSV.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pipeline.csv\"");
		response.setHeader("X-Total-Count", String.valueOf(total));
		response.getWriter().write(out.toString());
	}

}
