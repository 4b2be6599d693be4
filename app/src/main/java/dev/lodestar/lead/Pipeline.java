package dev.lodestar.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The pipeline board: one column per {@link PipelineStage}, each with its leads, how many and
 * what they are worth (the opportunity's amount once there is one, the estimate before; the
 * final amount of a won deal).
 */
public record Pipeline(List<Column> columns, List<String> owners) {

	public record Column(PipelineStage stage, int count, BigDecimal value, List<Card> cards) {
	}

	public record Card(long id, String company, String contactName, String owner, Region region, LeadSource source,
			String priority, BigDecimal value, Instant createdAt) {
	}

	/** What the board shows: every filter optional. */
	public record Filter(String owner, Region region, LeadSource source) {

		boolean accepts(Card card) {
			return (owner == null || owner.isBlank() || owner.equals(card.owner()))
					&& (region == null || region == card.region()) && (source == null || source == card.source());
		}

	}

}
