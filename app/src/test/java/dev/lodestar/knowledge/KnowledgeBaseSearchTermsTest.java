package dev.lodestar.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnowledgeBaseSearchTermsTest {

	@Test
	void splitsIntoLowerCaseWordsWithoutPunctuationOrWildcards() {
		assertThat(SearchTerms.of("Damaged delivery: 50% off_ (a) Sofa-Leg", "DAMAGED"))
			.containsExactly("damaged", "delivery", "50", "off", "sofa", "leg");
	}

	@Test
	void keepsLettersOfEveryScript() {
		assertThat(SearchTerms.of("Lieferung beschädigt, 送货 延误")).contains("beschädigt", "送货", "延误");
	}

}
