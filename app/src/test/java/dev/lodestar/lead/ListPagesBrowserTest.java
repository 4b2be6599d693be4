package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/**
 * The lists made for volume in Chromium at 1280 px, in English and Chinese: the pipeline board
 * shows every stage within the window's width (finished ones folded, columns scrolling on their
 * own), and the customer list fits with its pager. Screenshots in target/screenshots.
 */
@LodestarIntegrationTest
class ListPagesBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void boardAndCustomerListFitA1280PixelWindowInBothLanguages() {
		for (String lang : List.of("en", "zh-CN")) {
			var browser = Browser.start(lang).baseUrl("http://localhost:" + port);
			try {
				browser.driver().manage().window().setSize(new Dimension(1280, 900));
				browser.logIn("bob");
				browser.open("/leads?lang=" + lang);
				browser.waitFor(By.id("column-DISQUALIFIED"));
				long width = (Long) browser.script("return document.documentElement.clientWidth;");
				@SuppressWarnings("unchecked")
				var rights = (List<Number>) browser.script(
						"return [...document.querySelectorAll('#board .column')].map(c => c.getBoundingClientRect().right);");
				assertThat(rights).hasSize(PipelineStage.values().length)
					.allSatisfy(right -> assertThat(right.doubleValue()).isLessThanOrEqualTo(width));
				assertThat((Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth;"))
					.as("no horizontal scrolling").isLessThanOrEqualTo(0L);
				assertThat(browser.driver().findElement(By.id("list-WON")).getAttribute("href"))
					.contains("/leads?view=list&stage=WON");
				browser.screenshot("board-1280-" + lang);

				browser.open("/customers?lang=" + lang);
				browser.waitFor(By.cssSelector(".list-pager"));
				assertThat((Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth;"))
					.as("no horizontal scrolling").isLessThanOrEqualTo(0L);
				assertThat(browser.driver().findElements(By.cssSelector(".customer-row"))).isNotEmpty();
				browser.screenshot("customers-1280-" + lang);
				assertThat(browser.consoleErrors()).noneMatch(e -> !e.contains("favicon.ico"));
			}
			finally {
				browser.quit();
			}
		}
	}

}
