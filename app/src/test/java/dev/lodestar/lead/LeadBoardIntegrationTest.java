package dev.lodestar.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.lodestar.LodestarIntegrationTest;
import dev.lodestar.PageLogin;

/**
 * The pipeline board at volume: finished stages (won, lost, disqualified) are folded to their
 * count with a link to their list, so the board's HTML does not grow with the history.
 */
@LodestarIntegrationTest
class LeadBoardIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Leads leads;

	@Test
	void theBoardDoesNotGrowWithFinishedLeadsAndLinksToTheirList() throws Exception {
		var bob = PageLogin.as(port, "bob");
		String before = bob.get("/leads").body();
		long disqualifiedBefore = count(before, "DISQUALIFIED");

		String tag = UUID.randomUUID().toString().substring(0, 8);
		var now = Instant.now();
		long newest = 0;
		for (int i = 0; i < 120; i++) {
			var lead = new Lead("Gone " + tag + " " + i + " Holdings", "Contact " + i, null, null, LeadSource.WEB,
					Region.EMEA, Segment.SMB, new BigDecimal("1000"), null, "test", now.plusMillis(i));
			lead.routed("LOW", "sales-rep", now);
			// alice owns leads already: no new owner in the board's filter
			lead.disqualify("no budget", "alice", now);
			newest = leads.save(lead).getId();
		}

		String after = bob.get("/leads").body();
		assertThat(count(after, "DISQUALIFIED")).isEqualTo(disqualifiedBefore + 120);
		assertThat(after).doesNotContain("Gone " + tag).contains("href=\"/leads/list?stage=DISQUALIFIED\"");
		// the counts and values have a few more digits; 120 cards would be tens of kilobytes
		assertThat(after.length() - before.length()).as("growth in characters").isLessThan(40);

		var list = bob.get("/leads/list?stage=DISQUALIFIED&size=20");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("data-lead-id=\"" + newest + "\"");
		assertThat(list.body().split("class=\"stage-lead\"", -1).length - 1).isEqualTo(20);
		assertThat(bob.get("/leads/list?stage=PROPOSAL").statusCode()).isEqualTo(400);

		// the pipeline as a list: every lead of the filter, open and finished, paged and ordered on the server
		var table = bob.get("/leads?view=list&size=20&sort=company&dir=asc&region=EMEA&source=WEB");
		assertThat(table.statusCode()).isEqualTo(200);
		var rows = java.util.regex.Pattern.compile("class=\"pipeline-row\" data-lead-id=\"\\d+\" data-stage=\"(\\w+)\"")
			.matcher(table.body()).results().map(r -> r.group(1)).toList();
		assertThat(rows).hasSize(20);
		var companies = java.util.regex.Pattern.compile("<a href=\"/leads/\\d+\">([^<]+)</a>").matcher(table.body()).results()
			.map(r -> r.group(1)).toList();
		assertThat(companies).hasSize(20).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		String last = bob.get("/leads?view=list&size=20&sort=created&dir=desc&region=EMEA&source=WEB").body();
		assertThat(last).as("newest first").contains("data-lead-id=\"" + newest + "\" data-stage=\"DISQUALIFIED\"");
		assertThat(last).contains("id=\"sort-company\"").contains("pager-next");
		assertThat(bob.get("/leads?view=list&sort=secret").statusCode()).as("an unknown order").isEqualTo(400);
		assertThat(bob.get("/leads?view=list&size=5000").statusCode()).isEqualTo(400);
	}

	private static long count(String board, String stage) {
		var matcher = Pattern.compile("id=\"column-" + stage + "\"[^>]*>\\s*<h2><span>[^<]*</span>\\s*<span class=\"count\">(\\d+)</span>")
			.matcher(board);
		assertThat(matcher.find()).as("column " + stage).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
