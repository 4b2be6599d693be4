package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/**
 * The sales pages in Chromium, as alice (sales-rep) and bob (sales-manager) use them: capture
 * a lead in the form, do its steps from its page, watch it move on the pipeline board, import
 * a CSV file.
 */
@LodestarIntegrationTest
class LeadPagesBrowserTest {

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@Autowired
	Leads leads;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Test
	void aliceCapturesALeadInTheFormMovesItThroughQualificationAndProposalAndSeesItChangeColumn() {
		String company = "Lotus Pipeline " + key();
		browser.logIn("alice");
		browser.waitFor(By.id("nav-leads")).click();
		browser.waitFor(By.id("new-lead")).click();

		// a missing region is named in words, and nothing is captured
		browser.waitFor(By.id("company")).sendKeys(company);
		new Select(browser.driver().findElement(By.id("source"))).selectByValue("REFERRAL");
		browser.script("document.getElementById('region').removeAttribute('required')");
		browser.driver().findElement(By.id("capture")).click();
		assertThat(browser.waitFor(By.cssSelector("#lead-errors li[data-field='region']")).getText())
			.contains("Region").contains("choose a sales region");
		assertThat(leads.existsByCompany(company)).isFalse();

		new Select(browser.driver().findElement(By.id("region"))).selectByValue("EMEA");
		browser.driver().findElement(By.id("contactName")).sendKeys("Li Wei");
		browser.driver().findElement(By.id("email")).sendKeys(key().toLowerCase() + "@lotus.example");
		browser.driver().findElement(By.id("estimatedValue")).sendKeys("20000");
		browser.driver().findElement(By.id("capture")).click();

		browser.waitFor(By.id("captured"));
		String leadId = browser.waitFor(By.id("lead-page")).getDomAttribute("data-lead-id");
		assertThat(browser.driver().findElement(By.id("lead-stage")).getDomAttribute("data-stage")).isEqualTo("QUALIFYING");
		assertThat(browser.driver().findElement(By.id("lead-history")).getText()).contains("Lead captured");
		assertThat(column(leadId)).isEqualTo("QUALIFYING");

		// qualification, from the lead's page
		browser.open("/leads/" + leadId);
		browser.waitFor(By.cssSelector(".step[data-task-key='Task_QualifyLead'] .step-form[data-ready='true']"));
		stepField("Field_qualified-0").click();
		browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".step-form [id$='-Field_budget']")));
		stepField("Field_budget").sendKeys("20000");
		stepField("Field_decisionMaker").sendKeys("Li Wei, CEO");
		stepField("Field_need").sendKeys("Furnish two new showrooms");
		stepField("Field_timeline").sendKeys("Q1");
		browser.screenshot("lead-page-qualify");
		browser.driver().findElement(By.cssSelector(".step .step-complete")).click();
		browser.waitUntil(ExpectedConditions.urlContains("done="));
		stageBecomes("PROPOSAL");
		assertThat(column(leadId)).isEqualTo("PROPOSAL");

		// the proposal, from the same page: a discount within the limit goes straight to negotiation
		browser.open("/leads/" + leadId);
		browser.waitFor(By.cssSelector(".step[data-task-key='Task_PrepareProposal'] .step-form[data-ready='true']"));
		stepField("Field_amount").sendKeys("18500");
		stepField("Field_proposalSummary").sendKeys("40 desks, 40 chairs, delivery included");
		WebElement followUp = stepField("Field_nextFollowUp-date");
		followUp.sendKeys(LocalDate.now().plusDays(7).format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.ENTER);
		// leave the date field (its picker closes) without clicking under the sticky header
		browser.script("document.activeElement.blur()");
		browser.driver().findElement(By.cssSelector(".step .step-complete")).click();
		stageBecomes("NEGOTIATION");
		assertThat(browser.driver().findElement(By.id("proposal-summary")).getText())
			.isEqualTo("40 desks, 40 chairs, delivery included");
		assertThat(column(leadId)).isEqualTo("NEGOTIATION");
		browser.screenshot("lead-page-negotiation");

		// the board's filters: alice's own leads in EMEA include it; another region does not
		browser.open("/leads?owner=alice&region=EMEA");
		assertThat(browser.waitFor(By.id("board")).findElements(By.cssSelector(".lead-card[data-lead-id='" + leadId + "']")))
			.hasSize(1);
		browser.open("/leads?region=APAC");
		assertThat(browser.waitFor(By.id("board")).findElements(By.cssSelector(".lead-card[data-lead-id='" + leadId + "']")))
			.isEmpty();
	}

	@Test
	void alicesDemoLeadsAreOnTheBoardWithCountsAndValuePerColumn() {
		browser.logIn("alice");
		// a column shows its 20 newest cards, and other tests of this context add hundreds of leads:
		// alice's own demo leads on her board, the unowned marker lead among the oldest of its list
		browser.open("/leads?view=list&stage=QUALIFYING&region=EMEA&source=WEB&sort=created&dir=asc&size=200");
		assertThat(browser.waitFor(By.id("pipeline-table")).getText()).contains("Northwind Traders"); // the demo's marker lead
		browser.open("/leads?owner=alice");
		WebElement board = browser.waitFor(By.id("board"));
		assertThat(board.getText()).contains("Initech").contains("Umbrella");
		WebElement approval = board.findElement(By.id("column-DISCOUNT_APPROVAL"));
		assertThat(approval.getText()).contains("Umbrella");
		assertThat(Integer.parseInt(approval.findElement(By.cssSelector("h2 .count")).getText())).isPositive();
		// Umbrella's 48,000 at least: other tests of this context may add proposals to the column
		assertThat(Long.parseLong(approval.findElement(By.cssSelector(".column-value")).getText().replaceAll("[^0-9]", "")))
			.isGreaterThanOrEqualTo(48000);
		browser.screenshot("leads-board-en");

		browser.open("/leads?lang=zh-CN");
		assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("销售管道");
		assertThat(browser.driver().findElement(By.id("column-DISCOUNT_APPROVAL")).getText()).contains("折扣审批");
		browser.screenshot("leads-board-zh");
		browser.open("/leads?lang=en");
	}

	@Test
	void aCsvImportShowsEachRowsResultInATable() throws Exception {
		String good = "Import Good " + key();
		Path csv = Files.createTempFile("leads", ".csv");
		Files.writeString(csv, "company,contactName,email,phone,source,region,segment,estimatedValue,notes\n" + good
				+ ",Ada,ada@" + key().toLowerCase() + ".example,,WEB,EMEA,SMB,5000,from the fair\n"
				+ ",Nobody,not-an-email,,WEB,MARS,,abc,\n");
		browser.logIn("bob");
		// the page lists the coded columns' codes with their meaning, in the reader's language
		browser.open("/leads/import?lang=zh-CN");
		assertThat(browser.waitFor(By.cssSelector("#import-codes tr[data-column='region'] li[data-code='EMEA']"))
			.getText()).contains("欧洲、中东和非洲");
		browser.screenshot("leads-import-zh");
		browser.open("/leads/import?lang=en");
		assertThat(browser.waitFor(By.cssSelector("#import-codes tr[data-column='source'] li[data-code='REFERRAL']"))
			.getText()).contains("Referral");
		assertThat(browser.driver().findElement(By.id("import-template")).getDomAttribute("href"))
			.isEqualTo("/leads/import/template");
		browser.screenshot("leads-import-en");
		browser.waitFor(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
		browser.driver().findElement(By.id("import")).click();
		assertThat(browser.waitFor(By.id("import-summary")).getText()).contains("2 rows").contains("1 lead created")
			.contains("1 row refused");
		WebElement created = browser.driver().findElement(By.cssSelector("#import-report tr[data-row='1']"));
		assertThat(created.getDomAttribute("data-status")).isEqualTo("CREATED");
		assertThat(created.findElement(By.tagName("a")).getDomAttribute("href")).startsWith("/leads/");
		WebElement refused = browser.driver().findElement(By.cssSelector("#import-report tr[data-row='2']"));
		assertThat(refused.getText()).contains("refused").contains("Company").contains("E-mail").contains("choose a sales region");
		browser.screenshot("leads-import-report");
		assertThat(leads.existsByCompany(good)).isTrue();
		Files.delete(csv);
	}

	@Test
	void aServiceAgentMayNotOpenTheBoardAndIsToldSoInWords() {
		browser.logIn("carol");
		browser.open("/leads");
		assertThat(browser.waitFor(By.id("error-title")).getText()).isEqualTo("Not for your role");
		assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel").doesNotContain("\"status\"");
	}

	/** The lead's page, reloaded after a step, shows the lead at this stage. */
	private void stageBecomes(String stage) {
		browser.waitUntil(driver -> {
			try {
				return stage.equals(driver.findElement(By.id("lead-stage")).getDomAttribute("data-stage"));
			}
			catch (org.openqa.selenium.WebDriverException reloading) {
				return false;
			}
		});
	}

	private String column(String leadId) {
		browser.open("/leads");
		WebElement card = browser.waitFor(By.cssSelector(".lead-card[data-lead-id='" + leadId + "']"));
		return card.findElement(By.xpath("ancestor::section[@data-stage]")).getDomAttribute("data-stage");
	}

	private WebElement stepField(String componentId) {
		return browser.driver().findElement(By.cssSelector(".step-form [id$='-" + componentId + "']"));
	}

	private static String key() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
