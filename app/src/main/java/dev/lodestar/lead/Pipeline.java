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

	/**
	 * One stage: how many leads and what they are worth (all of them, counted by the database),
	 * and the cards shown; a {@link PipelineStage#finished() finished} stage shows none.
	 */
	public record Column(PipelineStage stage, long count, BigDecimal value, List<Card> cards) {

		/** Folded to its count, with a link to its list. */
		public boolean folded() {
			return stage.finished();
		}

	}

	public record Card(long id, String company, String contactName, String owner, Region region, LeadSource source,
			String priority, BigDecimal value, Instant createdAt) {
	}

	/** What the board shows: every filter optional. */
	/** A lead in the pipeline list: its card and the stage it stands in. */
	public record Row(Card card, PipelineStage stage) {
	}

	public record Filter(String owner, Region region, LeadSource source) {

		boolean accepts(Card card) {
			return accepts(card.owner(), card.region(), card.source());
		}

		boolean accepts(String leadOwner, Region leadRegion, LeadSource leadSource) {
			return (owner == null || owner.isBlank() || owner.equals(leadOwner))
					&& (region == null || region == leadRegion) && (source == null || source == leadSource);
		}

	}

}
