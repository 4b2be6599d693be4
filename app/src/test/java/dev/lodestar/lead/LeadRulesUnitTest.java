package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;

class LeadRulesUnitTest {

	private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

	private Lead qualifyingLead() {
		var lead = new Lead("Acme", "Ann", "ann@acme.example", null, LeadSource.WEB, Region.EMEA, null, null, null,
				"alice", now);
		lead.routed("MEDIUM", "sales-rep", now);
		return lead;
	}

	private Opportunity opportunity() {
		var lead = qualifyingLead();
		lead.qualify("50k", "CFO", "a CRM", "Q1", "alice", now);
		return new Opportunity(lead, now);
	}

	@Test
	void aLeadIsQualifiedOnlyWithAllFourBantAnswersAndOnlyOnce() {
		var lead = qualifyingLead();
		assertThatThrownBy(() -> lead.qualify(" ", null, "x", "y", "alice", now))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(InvalidInputException.FieldError::field)
				.containsExactly("budget", "decisionMaker"));
		lead.qualify("50k", "CFO", "a CRM", "Q1", "alice", now);
		assertThat(lead.getStage()).isEqualTo(LeadStage.QUALIFIED);
		assertThat(lead.getOwner()).isEqualTo("alice");
		assertThatThrownBy(() -> lead.disqualify("changed my mind", "alice", now)).isInstanceOf(ConflictException.class);
	}

	@Test
	void onlyAQualifiedLeadBecomesAnOpportunity() {
		assertThatThrownBy(() -> new Opportunity(qualifyingLead(), now)).isInstanceOf(ConflictException.class);
	}

	@Test
	void aProposalNeedsAnAmountADecisionMakerAndAFutureFollowUp() {
		var opportunity = opportunity();
		assertThatThrownBy(() -> opportunity.propose(BigDecimal.ZERO, BigDecimal.valueOf(120), " ", null,
				now.minus(1, ChronoUnit.DAYS), now))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.extracting(InvalidInputException.FieldError::field)
				.containsExactlyInAnyOrder("amount", "discountPercent", "decisionMaker", "nextFollowUp"));
		opportunity.propose(BigDecimal.valueOf(1000), null, "CFO", null, now.plus(2, ChronoUnit.DAYS), now);
		assertThat(opportunity.getDiscountPercent()).isEqualByComparingTo("0");
	}

	@Test
	void aRejectedDiscountNeedsACommentAndReturnsToTheProposal() {
		var opportunity = opportunity();
		opportunity.propose(BigDecimal.valueOf(1000), BigDecimal.valueOf(30), "CFO", null, now.plus(2, ChronoUnit.DAYS), now);
		opportunity.awaitDiscountApproval(now);
		assertThatThrownBy(() -> opportunity.rejectDiscount("bob", "", now)).isInstanceOf(InvalidInputException.class);
		opportunity.rejectDiscount("bob", "too much", now);
		assertThat(opportunity.getStage()).isEqualTo(OpportunityStage.PROPOSAL);
		assertThatThrownBy(() -> opportunity.approveDiscount("bob", null, now)).isInstanceOf(ConflictException.class);
	}

	@Test
	void negotiationRefusesADiscountAboveTheThresholdThatNoManagerApproved() {
		var opportunity = opportunity();
		opportunity.propose(BigDecimal.valueOf(1000), BigDecimal.valueOf(40), "CFO", null, now.plus(2, ChronoUnit.DAYS),
				now);
		assertThat(opportunity.needsDiscountApproval(BigDecimal.TEN)).isTrue();
		assertThatThrownBy(() -> opportunity.startNegotiation(BigDecimal.TEN, now)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("approval threshold");
		opportunity.awaitDiscountApproval(now);
		opportunity.approveDiscount("bob", "ok", now);
		opportunity.startNegotiation(BigDecimal.TEN, now);
		assertThat(opportunity.getStage()).isEqualTo(OpportunityStage.NEGOTIATION);
	}

	@Test
	void aWonDealDefaultsToTheDiscountedAmountAndALostOneNeedsAReason() {
		var won = opportunity();
		won.propose(BigDecimal.valueOf(1000), BigDecimal.valueOf(15), "CFO", null, now.plus(2, ChronoUnit.DAYS), now);
		assertThatThrownBy(() -> won.win(null, now)).isInstanceOf(ConflictException.class);
		won.startNegotiation(BigDecimal.valueOf(20), now);
		won.win(null, now);
		assertThat(won.getFinalAmount()).isEqualByComparingTo("850.00");

		var lost = opportunity();
		lost.propose(BigDecimal.valueOf(1000), null, "CFO", null, now.plus(2, ChronoUnit.DAYS), now);
		lost.startNegotiation(BigDecimal.TEN, now);
		assertThatThrownBy(() -> lost.lose(null, now)).isInstanceOf(InvalidInputException.class);
		lost.lose("price", now);
		assertThat(lost.getStage()).isEqualTo(OpportunityStage.LOST);
	}

	@Test
	void csvValuesMayBeQuotedWithCommasQuotesAndLineBreaks() {
		var records = LeadImport.parse("\uFEFFcompany,notes\r\n\"A, Ltd\",\"said \"\"hi\"\"\nthen left\"\r\n\r\nB,\n");
		assertThat(records).hasSize(3);
		assertThat(records.get(0)).containsExactly("company", "notes");
		assertThat(records.get(1)).containsExactly("A, Ltd", "said \"hi\"\nthen left");
		assertThat(records.get(2)).containsExactly("B", "");
	}

	private static final jakarta.validation.Validator VALIDATOR = jakarta.validation.Validation
		.buildDefaultValidatorFactory()
		.getValidator();

	private static java.util.List<String> invalidFields(NewLead lead) {
		return VALIDATOR.validate(lead).stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
	}

	@Test
	void everyInvalidFieldOfANewLeadIsNamedByItsConstraints() {
		assertThat(invalidFields(new NewLead(null, null, "a@b", null, "fax", null, null, "huge", "-5")))
			.containsExactly("company", "email", "estimatedValue", "region", "segment", "source");
		var valid = new NewLead("Acme", null, " a@b.example ", null, "web", "emea", null, null, "50,000");
		assertThat(invalidFields(valid)).isEmpty();
		assertThat(valid.leadSource()).isEqualTo(LeadSource.WEB);
		assertThat(valid.leadRegion()).isEqualTo(Region.EMEA);
		assertThat(valid.leadSegment()).isNull();
		assertThat(valid.amount()).isEqualByComparingTo("50000");
	}

	@Test
	void anEstimatedValueIsReadAsWrittenAndMustFitItsColumn() {
		java.util.function.Function<String, java.util.List<String>> problems = value -> invalidFields(
				new NewLead("Acme", null, null, null, "WEB", "NA", null, null, value));
		assertThat(problems.apply("５００００")).isEmpty();
		assertThat(problems.apply("5,0000")).isEmpty();
		assertThat(problems.apply("50000.50")).isEmpty();
		assertThat(problems.apply("9999999999999.99")).isEmpty();
		assertThat(problems.apply("10000000000000")).containsExactly("estimatedValue");
		assertThat(problems.apply("50,00")).containsExactly("estimatedValue");
		assertThat(problems.apply("1.005")).containsExactly("estimatedValue");
		assertThat(problems.apply("5e3")).containsExactly("estimatedValue");
		assertThat(problems.apply("-1")).containsExactly("estimatedValue");
	}

	@Test
	void blankOptionalCodesAreNoValueButARequiredCodeMustBeGiven() {
		assertThat(invalidFields(new NewLead("Acme", null, "", null, "", " ", null, " ", " "))).containsExactly("region",
				"source");
	}

	@Test
	void theImportSummaryCountsInTheRightPluralInBothLanguages() {
		var messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasename("i18n/frontoffice");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		java.util.function.BiFunction<java.util.Locale, Object[], String> summary = (locale, counts) -> messages
			.getMessage("leads.import.summary", counts, locale);

		assertThat(summary.apply(java.util.Locale.ENGLISH, new Object[] { 1, 0, 1 }))
			.isEqualTo("1 row: no lead created, 1 row refused.");
		assertThat(summary.apply(java.util.Locale.ENGLISH, new Object[] { 3, 1, 2 }))
			.isEqualTo("3 rows: 1 lead created, 2 rows refused.");
		assertThat(summary.apply(java.util.Locale.ENGLISH, new Object[] { 2, 2, 0 }))
			.isEqualTo("2 rows: 2 leads created, none refused.");
		assertThat(summary.apply(java.util.Locale.SIMPLIFIED_CHINESE, new Object[] { 3, 1, 2 }))
			.isEqualTo("共 3 行：新建 1 条线索，拒绝 2 行。");
		assertThat(summary.apply(java.util.Locale.SIMPLIFIED_CHINESE, new Object[] { 2, 2, 0 }))
			.isEqualTo("共 2 行：新建 2 条线索，没有被拒绝的行。");
	}

}
