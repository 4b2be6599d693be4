package dev.lodestar.frontoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.customer.CustomerDraft;
import dev.lodestar.customer.CustomerKind;
import dev.lodestar.customer.CustomerService;
import dev.lodestar.system.SystemTexts;
import dev.lodestar.worklist.WorklistService;

/**
 * Every text the application wrote while the demo was seeded (three weeks of history: captured
 * leads, won deals, complaints recorded, answered and resolved; and a merge), read by a Chinese
 * reader through the renderer the pages use, holds no English sentence; nor do the case histories
 * (no step id, no English step name), nor the 360° view, the complaint list, the pipeline board
 * and the time left on My work, fetched in Chinese. What is allowed: names (of customers, contacts, companies,
 * users), what people typed (whose language is theirs), numbers, ids and the codes listed below.
 * <p>
 * Shares the Spring context of {@code DemoHistoryIntegrationTest} (same annotations and properties).
 */
@LodestarIntegrationTest
@TestPropertySource(properties = { "lodestar.demo.history.enabled=true", "lodestar.demo.history.days=21" })
class SystemTextsInChineseIntegrationTest {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	/** An English sentence: two or more words of Latin letters in a row. */
	private static final Pattern ENGLISH = Pattern.compile("[A-Za-z][A-Za-z'’]+(?:[ \\-]+[A-Za-z][A-Za-z'’]+)+");

	/** An element id in place of a name: Task_QualifyLead, Start_Resolution. */
	private static final Pattern ELEMENT_ID = Pattern.compile("\\b[A-Z][A-Za-z]+_[A-Z][A-Za-z]+\\b");

	private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");

	/** Time left as a table cell wrote it in English: 2d 23h, 5h 10m. */
	private static final Pattern ENGLISH_DURATION = Pattern.compile("\\b\\d+[dh] \\d+[hm]\\b");

	/** Codes and brand names a Chinese page may show as they are. */
	private static final Set<String> ALLOWED = Set.of("Lodestar", "CNY", "EUR", "CSV", "SLA", "KPI", "Camunda");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SystemTexts texts;

	@Autowired
	CustomerService customers;

	@Autowired
	WorklistService worklist;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Test
	void everyTextTheDemoWroteReadsInChinese() {
		mergeTwoCustomers();
		var rows = jdbc.queryForList("select summary, summary_code, summary_args, outcome, outcome_code, outcome_args "
				+ "from crm_interaction");
		var codes = new HashSet<String>();
		var english = new ArrayList<String>();
		for (Map<String, Object> row : rows) {
			String summaryCode = (String) row.get("SUMMARY_CODE");
			if (summaryCode != null) {
				codes.add(summaryCode);
				String zh = texts.render(summaryCode, (String) row.get("SUMMARY_ARGS"), null, CHINESE);
				english.addAll(englishIn(zh, typedAndNames()));
			}
			String outcomeCode = (String) row.get("OUTCOME_CODE");
			if (outcomeCode != null) {
				codes.add(outcomeCode);
				english.addAll(englishIn(texts.render(outcomeCode, (String) row.get("OUTCOME_ARGS"), null, CHINESE),
						typedAndNames()));
			}
			else if (row.get("OUTCOME") != null) {
				// an outcome without a code must be one a person typed
				assertThat((String) row.get("OUTCOME")).as("an outcome the application wrote without a code")
					.isNotIn("recorded", "won", "onboarded", "confirmed", "rejected");
			}
			if (summaryCode == null) {
				assertThat((String) row.get("SUMMARY")).as("a summary the application wrote without a code")
					.doesNotContainPattern("^(Complaint #|Lead #|Deal won|Merged customer|Resolution of complaint|"
							+ "First response to complaint|Welcome call after the sale)");
			}
		}
		// enough of them that the assertion means something: every kind the demo writes
		assertThat(codes).contains("interaction.leadCapturedWithNotes", "interaction.complaintRecorded",
				"interaction.firstResponse", "interaction.resolution", "interaction.dealWon", "interaction.merged",
				"outcome.recorded", "outcome.won", "outcome.onboarded");
		assertThat(english).as("English in system texts rendered in Chinese").isEmpty();
	}

	@Test
	void caseHistoriesNameEveryStepInChineseAndNeverByItsId() {
		var instances = new ArrayList<String>();
		for (String key : List.of("complaint-to-resolution", "lead-to-sale")) {
			history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(key)
				.orderByProcessInstanceStartTime()
				.desc()
				.listPage(0, 40)
				.stream()
				.map(HistoricProcessInstance::getId)
				.forEach(instances::add);
		}
		assertThat(instances).hasSizeGreaterThan(40);
		var wrong = new ArrayList<String>();
		LocaleContextHolder.setLocale(CHINESE);
		try {
			for (String instance : instances) {
				for (var step : worklist.caseHistory(List.of(instance))) {
					if (ELEMENT_ID.matcher(step.name()).find() || !englishIn(step.name(), Set.of()).isEmpty()) {
						wrong.add(step.activityId() + " shown as " + step.name());
					}
				}
			}
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(wrong).as("steps shown by id or in English").isEmpty();
	}

	@Test
	void theCustomerViewTheComplaintListTheBoardAndMyWorkHaveNoEnglishSentence() {
		Set<String> allowed = typedAndNames();
		var dave = PageSession.logIn(port, "dave");
		var pages = new LinkedHashMap<String, String>();
		// the customers with the most the application wrote about them: a won deal, a resolved complaint
		for (Long id : jdbc.queryForList("select customer_id from crm_interaction where summary_code in "
				+ "('interaction.dealWon', 'interaction.resolution', 'interaction.merged') "
				+ "group by customer_id order by count(*) desc, customer_id", Long.class).stream().limit(4).toList()) {
			pages.put("/customers/" + id, dave.get("/customers/" + id + "?lang=zh-CN").body());
		}
		pages.put("/complaints", dave.get("/complaints?lang=zh-CN").body());
		pages.put("/leads (bob)", PageSession.logIn(port, "bob").get("/leads?lang=zh-CN").body());
		assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
		var english = new ArrayList<String>();
		pages.forEach((path, html) -> {
			assertThat(html).as(path).contains("lang=\"zh-CN\"");
			englishIn(textOf(html), allowed).forEach(e -> english.add(path + ": " + e));
		});
		assertThat(english).as("English on Chinese pages").isEmpty();
		// amounts carry the currency, time left is in words, no step id anywhere
		assertThat(pages.values()).noneMatch(html -> ELEMENT_ID.matcher(textOf(html)).find());
		assertThat(pages.get("/leads (bob)")).contains("CNY");
		// My work (whose test processes have English names of their own): time left in words
		String work = textOf(PageSession.logIn(port, "carol").get("/?lang=zh-CN").body());
		assertThat(work).containsAnyOf("天", "小时", "分钟").doesNotContainPattern(ENGLISH_DURATION);
	}

	private void mergeTwoCustomers() {
		var survivor = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "杭州云帆家居有限公司", "周晨",
				"zhou.chen@yunfan-merge.example", null, "APAC", null), "carol").customer();
		var duplicate = customers.createOrLink(new CustomerDraft(CustomerKind.COMPANY, "云帆家居（杭州）", "周晨",
				"service@yunfan-merge.example", null, "APAC", null), "carol").customer();
		if (duplicate.id() != survivor.id()) {
			customers.merge(duplicate.id(), survivor.id(), "dave");
		}
	}

	/**
	 * Names and what people typed, longest first, to be taken out of a text before it is checked:
	 * their language is the writer's.
	 */
	private Set<String> typedAndNames() {
		var values = new HashSet<String>();
		values.addAll(jdbc.queryForList("select name from crm_customer", String.class));
		values.addAll(jdbc.queryForList("select name from crm_contact", String.class));
		values.addAll(jdbc.queryForList("select company from crm_lead", String.class));
		values.addAll(jdbc.queryForList("select contact_name from crm_lead where contact_name is not null", String.class));
		values.addAll(jdbc.queryForList("select notes from crm_lead where notes is not null", String.class));
		values.addAll(jdbc.queryForList("select customer_name from crm_complaint", String.class));
		values.addAll(jdbc.queryForList("select description from crm_complaint", String.class));
		values.addAll(jdbc.queryForList("select resolution from crm_complaint where resolution is not null", String.class));
		values.addAll(jdbc.queryForList("select first_response_note from crm_complaint where first_response_note is not null",
				String.class));
		values.addAll(jdbc.queryForList("select customer_comment from crm_complaint where customer_comment is not null",
				String.class));
		values.addAll(jdbc.queryForList("select summary from crm_interaction where summary_code is null", String.class));
		values.addAll(jdbc.queryForList("select outcome from crm_interaction where outcome_code is null and outcome is not null",
				String.class));
		// activities: their subject, note and outcome are what a person typed
		values.addAll(jdbc.queryForList("select subject from crm_activity", String.class));
		values.addAll(jdbc.queryForList("select note from crm_activity where note is not null", String.class));
		values.addAll(jdbc.queryForList("select outcome from crm_activity where outcome is not null", String.class));
		identity.createUserQuery().list().forEach(u -> {
			values.add((u.getFirstName() + " " + u.getLastName()).strip());
			values.add(u.getLastName() + u.getFirstName());
		});
		values.removeIf(v -> v == null || v.isBlank());
		var sorted = new java.util.TreeSet<String>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
		sorted.addAll(values);
		return sorted;
	}

	/** The English sentences left in {@code text} once names, typed values and allowed codes are taken out. */
	private static List<String> englishIn(String text, Set<String> allowed) {
		if (text == null) {
			return List.of();
		}
		String rest = EMAIL.matcher(text).replaceAll(" ");
		for (String value : allowed) {
			rest = rest.replace(value, " ");
			if (value.length() > 79) {
				rest = rest.replace(value.substring(0, 79) + "…", " "); // as lists abbreviate it
			}
		}
		var found = new ArrayList<String>();
		Matcher m = ENGLISH.matcher(rest);
		while (m.find()) {
			String run = m.group();
			if (!ALLOWED.containsAll(List.of(run.split("[ \\-]+")))) {
				found.add(run);
			}
		}
		return found;
	}

	/** The text a reader sees: no scripts or styles, no tags, entities read. */
	private static String textOf(String html) {
		String text = html.replaceAll("(?is)<(script|style|template)\\b.*?</\\1>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?s)<[^>]+>", "\n");
		return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
			.replace("&#39;", "'").replace("&nbsp;", " ");
	}

}
