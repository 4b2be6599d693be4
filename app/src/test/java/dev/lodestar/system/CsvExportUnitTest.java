package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvExportUnitTest {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "+49 30 1234", "-2", "@SUM(A1)", "\tcmd", "\rcmd" })
	void aCellASpreadsheetWouldRunIsPrefixedWithAnApostrophe(String cell) {
		assertThat(CsvExport.neutralised(cell)).isEqualTo("'" + cell);
	}

	@Test
	void otherCellsStayAsTheyAreAndAreQuotedAsRfc4180Says() {
		var out = new StringWriter();
		try (var csv = CsvExport.to(out, List.of("number", "name"))) {
			csv.row(42L, "Acme, \"the\" best");
			csv.row(7, null);
			csv.row(1, "a=b");
		}
		assertThat(out.toString()).isEqualTo("number,name\r\n42,\"Acme, \"\"the\"\" best\"\r\n7,\r\n1,a=b\r\n");
	}

	@Test
	void pageLinksStayFewHoweverManyPages() {
		var page = new ListPage<>(List.of("x"), 50, 20, 5_000);
		assertThat(page.pages()).isEqualTo(250);
		assertThat(page.links()).containsExactly(1, 0, 48, 49, 50, 51, 52, 0, 250);
		assertThat(page.from()).isEqualTo(981);
		assertThat(new ListPage<>(List.of(), 1, 20, 0).links()).containsExactly(1);
	}

}
