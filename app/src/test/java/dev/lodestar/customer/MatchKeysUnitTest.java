package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchKeysUnitTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "ACME Ltd.|acme", "Acme Limited|acme", "acme, inc|acme", "The Acme Co.|acme",
			"Müller & Co. GmbH|muller", "  Blue-Sky   Trading  LLC |blue sky trading", "Ltd|ltd",
			"ＳＡＫＵＲＡ　Ｄｅｓｉｇｎ|sakura design", "樱花设计有限公司|樱花设计", "华为技术股份有限公司|华为技术",
			"北京樱花设计有限责任公司|北京樱花设计", "株式会社サクラ|サクラ", "Sakura 樱花设计 Ltd|sakura 樱花设计", "有限公司|有限公司" })
	void companyNamesIgnoreCasePunctuationAndLegalForms(String name, String key) {
		assertThat(MatchKeys.name(name)).isEqualTo(key);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "+44 20 7946 0000|2079460000", "020 7946 0000|2079460000",
			"(555) 123-4567|5551234567", "+1 555 123 4567|5551234567", "12345|", "|" })
	void phonesCompareOnTheirLastTenDigits(String phone, String key) {
		assertThat(MatchKeys.phone(phone)).isEqualTo(key);
	}

	@Test
	void emailsIgnoreCaseAndSurroundingBlanks() {
		assertThat(MatchKeys.email("  Jane.Doe@Example.COM ")).isEqualTo("jane.doe@example.com");
		assertThat(MatchKeys.email(" ")).isNull();
	}

}
