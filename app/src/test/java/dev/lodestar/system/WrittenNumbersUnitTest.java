package dev.lodestar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers as people write them in English and Chinese: read when they mean one number, refused otherwise. */
class WrittenNumbersUnitTest {

	@ParameterizedTest(name = "\"{0}\" is {1}")
	@CsvSource(delimiter = '|', value = { "50,000|50000", "50000.50|50000.50", "５００００|50000", "5,0000|50000",
			"１２，３４５．６|12345.6", "50 000|50000", "1,234,567.25|1234567.25", "12,3456,7890|1234567890",
			"-1,500|-1500", "0.5|0.5", "７|7", "50,000.00|50000.00" })
	void aNumberWrittenInEitherLanguageIsReadAsItsWriterMeantIt(String written, String meant) {
		assertThat(WrittenNumbers.parse(written)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(meant));
	}

	@ParameterizedTest(name = "\"{0}\" is refused")
	@ValueSource(strings = { "50,00", "1.234,5", "1,2345,678", "12,34,567", "5e3", "50.000.000", "", " ", "fifty",
			"50,", ",50", "1..2", "0x10", "Infinity", "NaN", "50k", "5万" })
	void anAmbiguousOrForeignNumberIsRefusedNeverTruncated(String written) {
		assertThat(WrittenNumbers.parse(written)).isEmpty();
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "50,000", "５００００", "5,0000" })
	void fiftyThousandIsFiftyThousandInEveryWritingNotFifty(String written) {
		assertThat(WrittenNumbers.parse(written)).hasValue(new BigDecimal("50000"));
	}

}
