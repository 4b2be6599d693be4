package dev.lodestar.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.lead.LeadCapture;
import dev.lodestar.lead.NewLead;

/**
 * alice's activity from plan to timeline in Chromium: she plans a call on her lead's page, finds
 * it in My work under "My activities", marks it done there with what came of it, and reads it on
 * the lead's timeline; the same pages in Chinese.
 */
@LodestarIntegrationTest
class ActivityBrowserTest {

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@Autowired
	LeadCapture capture;

	@Test
	void alicePlansACallOnHerLeadFindsItInMyWorkMarksItDoneAndReadsItOnTheTimeline() {
		String company = "Orchid Activity " + UUID.randomUUID().toString().substring(0, 6);
		long lead = capture.capture(new NewLead(company, "Mei Chen", null, null, "WEB", "APAC", null, null, null), "alice")
			.id();
		String subject = "Call Mei about the showroom " + UUID.randomUUID().toString().substring(0, 4);
		browser.logIn("alice");
		browser.open("/leads/" + lead + "?lang=en");

		// a subject alone is not enough: the page says why nothing was planned
		browser.waitFor(By.id("activity-subject")).sendKeys(subject);
		browser.script("document.getElementById('activity-due').removeAttribute('required')");
		browser.driver().findElement(By.id("activity-plan")).click();
		assertThat(browser.waitFor(By.cssSelector("#activities .activity-problem")).getText()).contains("due time");

		new Select(browser.waitFor(By.id("activity-type"))).selectByValue("CALL");
		browser.waitFor(By.id("activity-subject")).sendKeys(subject);
		// in half an hour, as the reader's clock says it (the form sends her time zone with it)
		browser.script("const d = new Date(Date.now() + 30 * 60000);"
				+ "const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);"
				+ "document.getElementById('activity-due').value = local;");
		assertThat(browser.driver().findElement(By.cssSelector("#activity-form input[name='zone']")).getDomProperty("value"))
			.as("the browser's time zone goes with the form").isNotBlank();
		browser.driver().findElement(By.id("activity-note")).sendKeys("She prefers mornings");
		browser.driver().findElement(By.id("activity-plan")).click();
		assertThat(browser.waitFor(By.id("activity-notice")).getText()).contains("Planned");
		WebElement planned = browser.waitFor(By.cssSelector("#case-activities li.activity"));
		assertThat(planned.getText()).contains(subject).contains("Call");
		String id = planned.getDomAttribute("data-activity-id");
		browser.screenshot("activity-lead-en");

		// My work: the call is among her activities, with its lead and due time, and done from there
		browser.open("/");
		WebElement row = browser.waitFor(By.cssSelector("#my-activities li[data-activity-id='" + id + "']"));
		assertThat(row.getText()).contains(subject).contains(company);
		assertThat(row.findElement(By.cssSelector("time")).getDomAttribute("data-localized"))
			.as("the due time in the reader's locale").isEqualTo("true");
		assertThat(row.findElement(By.cssSelector("a.activity-case")).getDomAttribute("href")).isEqualTo("/leads/" + lead);
		assertThat(browser.driver().findElement(By.id("my-activities-link")).getText()).contains("My activities");
		browser.script("document.getElementById('activities').scrollIntoView()");
		browser.screenshot("activity-mywork-en");
		row.findElement(By.cssSelector(".activity-outcome-input")).sendKeys("Showroom visit agreed");
		row.findElement(By.cssSelector(".activity-done")).click();
		assertThat(browser.waitFor(By.id("activity-notice")).getText()).contains(subject);
		browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(
				By.cssSelector("#my-activities li[data-activity-id='" + id + "']")));

		// the lead's page: the activity is done, and the timeline says what came of it
		browser.open("/leads/" + lead);
		assertThat(browser.waitFor(By.cssSelector("#case-activities li[data-activity-id='" + id + "']"))
			.getDomAttribute("data-state")).isEqualTo("DONE");
		assertThat(browser.waitFor(By.id("lead-interactions")).getText()).contains("Call done: " + subject)
			.contains("Showroom visit agreed");

		// the same in Chinese
		browser.open("/leads/" + lead + "?lang=zh-CN");
		assertThat(browser.waitFor(By.id("lead-interactions")).getText()).contains("已完成电话：" + subject);
		assertThat(browser.waitFor(By.cssSelector("#activities h2")).getText()).isEqualTo("活动");
		browser.script("document.getElementById('activities').scrollIntoView()");
		browser.screenshot("activity-lead-zh");
		browser.open("/");
		assertThat(browser.waitFor(By.cssSelector("#activities h2")).getText()).isEqualTo("我的活动");
		browser.script("document.getElementById('activities').scrollIntoView()");
		browser.screenshot("activity-mywork-zh");

		// the customer's 360° page: the same form, and the timeline entry in the reader's language
		browser.open("/leads/" + lead);
		String customerPage = browser.waitFor(By.id("lead-customer")).getDomAttribute("href");
		browser.open(customerPage);
		assertThat(browser.waitFor(By.id("timeline")).getText()).contains("已完成电话：" + subject);
		assertThat(browser.driver().findElement(By.id("activity-plan")).getText()).isEqualTo("计划");
		browser.script("document.getElementById('activities').scrollIntoView()");
		browser.screenshot("activity-customer-zh");
		browser.open(customerPage + "?lang=en");
		assertThat(browser.waitFor(By.id("timeline")).getText()).contains("Call done: " + subject);
		browser.script("document.getElementById('activities').scrollIntoView()");
		browser.screenshot("activity-customer-en");
		browser.open("/?lang=en");
		browser.waitFor(By.id("my-activities"));
		assertThat(browser.consoleErrors().stream().filter(e -> !e.contains("favicon.ico"))).as("errors in the console")
			.isEmpty();
	}

}
