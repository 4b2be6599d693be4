package dev.lodestar.customer;

import java.time.Instant;
import java.util.List;

/**
 * One module's part of the 360° view of a customer: its leads, opportunities, complaints... Titles,
 * statuses, labels and step names come in the reader's language (the request's locale), so that a
 * page shows them as they are.
 *
 * @param key a stable id ("leads", "complaints")
 * @param order where it goes, lower first
 */
public record CustomerViewSection(String key, String title, int order, List<Entry> entries) {

	/**
	 * One case in a section.
	 *
	 * @param status where the case stands, in words ("on time", "Proposal")
	 * @param link the case's own page, or {@code null} when the reader may not open it
	 * @param openTasks the tasks still open on the case, as the viewer may see them
	 */
	public record Entry(String kind, String id, String title, String status, String link, List<Fact> facts,
			List<OpenTask> openTasks) {
	}

	/** A labelled value ("Stage" = "Proposal"). */
	public record Fact(String label, String value) {
	}

	/** An open user task of a case. */
	public record OpenTask(String taskId, String name, String assignee, List<String> candidateGroups, Instant due) {
	}

}
