package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/** The manager's reassignment on the task page: the owner of the lead moves only when he ticks the box, and the page says so. */
@LodestarIntegrationTest
class ReassignOwnerBrowserTest {

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@Autowired
	LeadCapture capture;

	@Autowired
	LeadPipeline pipeline;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final String rep = "rep-" + tag;

	@BeforeEach
	void anotherRep() {
		var user = identityService.newUser(rep);
		user.setPassword(rep);
		identityService.saveUser(user);
		identityService.createMembership(rep, "sales-rep");
	}

	@AfterEach
	void noOtherRep() {
		identityService.deleteUser(rep);
	}

	@Test
	void theManagerChoosesWhetherTheNewAssigneeOwnsTheLeadInBothLanguages() {
		long moved = aliceCaptures("Moved " + tag);
		long kept = aliceCaptures("Kept " + tag);
		browser.logIn("bob");

		browser.open("/tasks/" + qualifyTask(moved) + "?lang=en");
		assertThat(browser.waitFor(By.id("case-owner")).getText()).isEqualTo("Owner of the lead: alice");
		new Select(browser.driver().findElement(By.id("reassign-to"))).selectByValue(rep);
		assertThat(browser.driver().findElement(By.id("reassign-make-owner-text")).getText())
			.isEqualTo("Also make " + rep + " the owner of the lead");
		assertThat(browser.driver().findElement(By.id("reassign-make-owner")).isSelected()).as("off by default").isFalse();
		browser.driver().findElement(By.id("reassign-make-owner")).click();
		browser.screenshot("task-reassign-owner-en");
		browser.driver().findElement(By.id("reassign")).click();
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("reassign-answer")));
		assertThat(browser.driver().findElement(By.id("reassign-answer")).getText())
			.isEqualTo("Reassigned to " + rep + ", who now owns the lead.");
		assertThat(pipeline.get(moved).owner()).isEqualTo(rep);
		browser.screenshot("task-reassigned-owner-en");

		browser.open("/tasks/" + qualifyTask(kept) + "?lang=zh-CN");
		assertThat(browser.waitFor(By.id("case-owner")).getText()).isEqualTo("线索负责人：alice");
		new Select(browser.driver().findElement(By.id("reassign-to"))).selectByValue(rep);
		assertThat(browser.driver().findElement(By.id("reassign-make-owner-text")).getText())
			.isEqualTo("同时将 " + rep + " 设为该线索的负责人");
		browser.screenshot("task-reassign-owner-zh");
		browser.driver().findElement(By.id("reassign")).click();
		browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("reassign-answer")));
		assertThat(browser.driver().findElement(By.id("reassign-answer")).getText())
			.isEqualTo("已重新分配给 " + rep + "。线索负责人仍是 alice。");
		assertThat(pipeline.get(kept).owner()).isEqualTo("alice");
		assertThat(taskService.createTaskQuery().taskId(qualifyTask(kept)).singleResult().getAssignee()).isEqualTo(rep);
		browser.screenshot("task-reassigned-owner-zh");
		browser.open("/?lang=en");
	}

	private long aliceCaptures(String company) {
		return capture.captureOwn(new NewLead(company, null, null, null, "WEB", "EMEA", null, null, null), "alice").id();
	}

	private String qualifyTask(long leadId) {
		return taskService.createTaskQuery()
			.processDefinitionKey(LeadProcess.KEY)
			.processInstanceBusinessKey(String.valueOf(leadId))
			.taskDefinitionKey(LeadProcess.QUALIFY_LEAD)
			.singleResult()
			.getId();
	}

}
