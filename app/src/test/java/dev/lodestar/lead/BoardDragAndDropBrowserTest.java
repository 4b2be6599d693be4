package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/**
 * Drag and drop on the pipeline board in Chromium (native HTML5 drag events): a card dropped on
 * a column its process cannot reach from here stays put and the page says why; dropped on a
 * column its open step can reach, the step's form opens and the lead has not moved; a manager
 * who may not do that step is told so, in Chinese. Screenshots of the board and the list view in
 * both languages as alice and bob in target/screenshots.
 */
@LodestarIntegrationTest
class BoardDragAndDropBrowserTest {

	/** Drags the card onto the column as a mouse would: dragstart, dragover and drop, one DataTransfer. */
	private static final String DRAG = """
			const card = document.querySelector(`.lead-card[data-lead-id="${arguments[0]}"]`);
			const column = document.getElementById('column-' + arguments[1]);
			const data = new DataTransfer();
			card.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
			column.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
			column.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
			card.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: data }));""";

	@LocalServerPort
	int port;

	@Autowired
	LeadCapture capture;

	@Autowired
	LeadPipeline pipeline;

	@Autowired
	TaskService taskService;

	/** A console error other than the missing icon and the refusals the test provokes (the browser logs their 409, 403). */
	private static boolean unexpected(String error) {
		return !error.contains("favicon.ico") && !error.matches(".*/api/leads/\\d+/step\\?to=\\w+ .*status of (409|403).*");
	}

	@Test
	void aDropOpensTheStepsFormOrSaysWhyNotAndNeverMovesTheCard() {
		String company = "Dragged " + UUID.randomUUID().toString().substring(0, 8);
		long id = capture.capture(new NewLead(company, "Pat Doe", null, null, "WEB", "NA", null, null, null), "alice").id();
		String qualify = taskService.createTaskQuery()
			.processInstanceBusinessKey(String.valueOf(id))
			.taskDefinitionKey(LeadProcess.QUALIFY_LEAD)
			.singleResult()
			.getId();
		String card = ".lead-card[data-lead-id='" + id + "']";

		var browser = Browser.start("en").baseUrl("http://localhost:" + port);
		try {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			browser.logIn("alice");
			browser.open("/leads?lang=en");
			browser.waitFor(By.cssSelector("#column-QUALIFYING " + card));
			assertThat(browser.driver().findElement(By.cssSelector(card)).getDomAttribute("draggable")).isEqualTo("true");
			browser.screenshot("board-alice-en");

			// won is not where a lead being qualified can go: a message, the card where it was
			browser.script(DRAG, String.valueOf(id), "WON");
			var message = browser.waitFor(By.cssSelector("#board-message.error"));
			assertThat(message.getText()).isEqualTo("“" + company + "” stands at Qualifying: the process does not take it "
					+ "from there to Won. From Qualifying it can go to: Proposal, Disqualified.");
			assertThat(browser.driver().findElements(By.cssSelector("#column-QUALIFYING " + card))).hasSize(1);
			browser.screenshot("board-refused-alice-en");

			// to the proposal: the qualification's form opens; the lead stays where it is until it is done
			browser.script(DRAG, String.valueOf(id), "PROPOSAL");
			browser.waitUntil(ExpectedConditions.urlContains("/tasks/" + qualify));
			browser.waitFor(By.cssSelector("#form"));
			assertThat(pipeline.pipelineStage(id)).isEqualTo(PipelineStage.QUALIFYING);

			browser.open("/leads?view=list&lang=en");
			browser.waitFor(By.id("pipeline-table"));
			assertThat(browser.driver().findElement(By.id("export-leads")).getText()).isEqualTo("Export CSV");
			browser.screenshot("list-alice-en");
			browser.open("/leads?lang=zh-CN");
			browser.waitFor(By.cssSelector(card));
			browser.screenshot("board-alice-zh-CN");
			browser.open("/leads?view=list");
			browser.waitFor(By.id("pipeline-table"));
			assertThat(browser.driver().findElement(By.id("export-leads")).getText()).isEqualTo("导出 CSV");
			browser.screenshot("list-alice-zh-CN");
			assertThat(browser.consoleErrors()).noneMatch(BoardDragAndDropBrowserTest::unexpected);

			// bob manages the reps' queue, but qualifying is their work: he is told so, in Chinese
			browser.logIn("bob");
			browser.open("/leads?lang=zh-CN");
			browser.waitFor(By.cssSelector(card));
			browser.script(DRAG, String.valueOf(id), "PROPOSAL");
			message = browser.waitFor(By.cssSelector("#board-message.error"));
			assertThat(message.getText()).contains("“" + company + "”").contains("“线索资格审核（BANT）”")
				.contains("不是您可以办理的步骤");
			assertThat(browser.driver().getCurrentUrl()).contains("/leads");
			assertThat(browser.driver().findElements(By.cssSelector("#column-QUALIFYING " + card))).hasSize(1);
			browser.screenshot("board-refused-bob-zh-CN");
			browser.open("/leads?view=list");
			browser.waitFor(By.id("pipeline-table"));
			browser.screenshot("list-bob-zh-CN");
			browser.open("/leads?lang=en");
			browser.waitFor(By.cssSelector(card));
			browser.screenshot("board-bob-en");
			browser.open("/leads?view=list&stage=QUALIFYING");
			browser.waitFor(By.id("pipeline-table"));
			browser.screenshot("list-bob-en");
			assertThat(browser.consoleErrors()).noneMatch(BoardDragAndDropBrowserTest::unexpected);
		}
		finally {
			browser.quit();
		}
	}

}
