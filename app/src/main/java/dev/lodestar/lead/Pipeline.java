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

	/** How many cards an open column shows at most: its newest leads; "show all" opens its list. */
	public static final int CARDS_PER_COLUMN = 20;

	/**
	 * One stage: how many leads and what they are worth (all of them, counted by the database),
	 * and the cards shown; a {@link PipelineStage#finished() finished} stage shows none.
	 */
	public record Column(PipelineStage stage, long count, BigDecimal value, List<Card> cards) {

		/** Folded to its count, with a link to its list. */
		public boolean folded() {
			return stage.finished();
		}

		/** An open column with more leads than it shows: it links to all of them. */
		public boolean more() {
			return !folded() && count > cards.size();
		}

	}

	public record Card(long id, String company, String contactName, String owner, Region region, LeadSource source,
			String priority, BigDecimal value, Instant createdAt) {
	}

	/** A lead in the pipeline list: its card and the stage it stands in. */
	public record Row(Card card, PipelineStage stage) {
	}

	/** What the board and the list show: every filter optional; the board shows every stage. */
	public record Filter(String owner, Region region, LeadSource source, PipelineStage stage) {

		public Filter(String owner, Region region, LeadSource source) {
			this(owner, region, source, null);
		}

		boolean accepts(Card card) {
			return accepts(card.owner(), card.region(), card.source());
		}

		boolean accepts(String leadOwner, Region leadRegion, LeadSource leadSource) {
			return (owner == null || owner.isBlank() || owner.equals(leadOwner))
					&& (region == null || region == leadRegion) && (source == null || source == leadSource);
		}

	}

}
