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
	}

	private static long count(String board, String stage) {
		var matcher = Pattern.compile("id=\"column-" + stage + "\"[^>]*>\\s*<h2><span>[^<]*</span>\\s*<span class=\"count\">(\\d+)</span>")
			.matcher(board);
		assertThat(matcher.find()).as("column " + stage).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
