package dev.lodestar.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSimilarityUnitTest {

	@ParameterizedTest(name = "{0} ~ {1}")
	@CsvSource(delimiter = '|', value = {
			// legal forms, case, punctuation
			"Sakura Designs|Sakura Design Ltd", "Sakura Design|SAKURA DESIGN, Inc.", "Acme Ltd.|The Acme Company",
			// word order
			"Design Sakura|Sakura Design Ltd", "Wang Wei|Wei Wang", "Müller Hans|Hans Mueller",
			// a typo or two relative to the length
			"Sakrua Design|Sakura Design", "Initech Solutions|Inittech Solution", "Northwind Traders|Northwnd Traders",
			// spacing
			"SakuraDesign|Sakura Design", "Blue-Sky Trading|Bluesky Trading",
			// one name is the other and more
			"Sakura|Sakura Design", "Globex|Globex Europe GmbH",
			// full width and accents
			"ＳＡＫＵＲＡ Ｄｅｓｉｇｎ|Sakura Design", "Café Olé|Cafe Ole Ltd",
			// Chinese: legal forms, one inside the other, one character in five
			"樱花设计有限公司|樱花设计", "北京樱花设计有限公司|樱花设计有限公司", "华为技术股份有限公司|华为技术有限公司",
			"上海浦东发展银行|上海浦东发展银行股份有限公司", "深圳腾讯计算机系统|深圳腾讯计算机系统有限公司", "王伟|王伟",
			"张伟明律师事务所|张伟明律师事务", "株式会社サクラ|サクラ株式会社" })
	void resembles(String a, String b) {
		assertThat(NameSimilarity.score(MatchKeys.name(a), MatchKeys.name(b))).isGreaterThan(NameSimilarity.NONE);
		assertThat(NameSimilarity.score(MatchKeys.name(b), MatchKeys.name(a))).isGreaterThan(NameSimilarity.NONE);
	}

	@ParameterizedTest(name = "{0} !~ {1}")
	@CsvSource(delimiter = '|', value = {
			// people: short given names differ by more than a typo
			"Wang Wei|Wang Fang", "Li Na|Li Ming", "Chen Jie|Chen Jia", "Wang Wei|Wong Wei",
			// companies that share a word only
			"Sakura Design|Sakura Trading", "Acme Consulting|Acme Logistics", "Acme|Acne",
			// numbers are exact
			"Store 12|Store 13", "Demo Company 526801|Demo Company 526802",
			// Chinese: one character in a short name is another person or company
			"王伟|王芳", "阿里巴巴|阿里云", "腾讯科技|腾讯音乐", "张伟|张伟明",
			// nothing in common
			"Northwind|Globex", "樱花设计|Sakura Design" })
	void doesNotResemble(String a, String b) {
		assertThat(NameSimilarity.score(MatchKeys.name(a), MatchKeys.name(b))).isEqualTo(NameSimilarity.NONE);
		assertThat(NameSimilarity.score(MatchKeys.name(b), MatchKeys.name(a))).isEqualTo(NameSimilarity.NONE);
	}

	@Test
	void closerNamesScoreHigher() {
		String key = MatchKeys.name("Sakura Design Ltd");
		double same = NameSimilarity.score(key, MatchKeys.name("Sakura Design GmbH"));
		double reordered = NameSimilarity.score(key, MatchKeys.name("Design Sakura"));
		double typo = NameSimilarity.score(key, MatchKeys.name("Sakura Designs"));
		double longer = NameSimilarity.score(key, MatchKeys.name("Sakura Design Studio Europe"));
		assertThat(same).isEqualTo(1);
		assertThat(reordered).isLessThan(same).isGreaterThan(typo);
		assertThat(typo).isGreaterThan(longer);
	}

	@Test
	void candidatesAreLookedUpByWordPrefixesAndChineseCharacterPairs() {
		assertThat(NameSimilarity.blocks(MatchKeys.name("Sakura Designs Ltd"))).containsExactly("sak", "des");
		assertThat(NameSimilarity.blocks(MatchKeys.name("SakuraDesign"))).containsExactly("sak");
		assertThat(NameSimilarity.blocks(MatchKeys.name("Li Na"))).containsExactly("li", "na");
		assertThat(NameSimilarity.blocks(MatchKeys.name("北京樱花设计有限公司"))).containsExactly("北京", "京樱", "樱花", "花设", "设计");
		assertThat(NameSimilarity.blocks(MatchKeys.name("王伟"))).containsExactly("王伟");
	}

	@Test
	void shortNamesAreNotMatchedAtAllButTwoChineseCharactersAreAName() {
		assertThat(NameSimilarity.matchable(MatchKeys.name("X.Y. Ltd"))).isFalse();
		assertThat(NameSimilarity.matchable(MatchKeys.name("Ace"))).isTrue();
		assertThat(NameSimilarity.matchable(MatchKeys.name("王伟"))).isTrue();
		assertThat(NameSimilarity.matchable(MatchKeys.name("王"))).isFalse();
	}

}
