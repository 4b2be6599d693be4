package dev.lodestar.worklist;

import java.util.Map;

/**
 * SPI: a module that keeps a person's own work beside the engine's tasks (her planned
 * activities) adds a section to My work. The worklist draws each section with the fragment
 * {@code workSection(data)} of the section's template, and its link beside the queues with the
 * fragment {@code workSectionLink(data)}; it depends on none of them. A section
 * answers with one page of rows (paged on the server by its own parameter), never with a list
 * that grows with the table.
 */
public interface WorkSection {

	/** The template holding the fragments {@code workSection(data)} and {@code workSectionLink(data)}. */
	String template();

	/**
	 * What the fragment draws for this person, given the request's parameters (its own page among
	 * them); {@code null} when the section is not for her (her roles have no such work).
	 */
	Object data(Caller caller, Map<String, String> parameters);

	/** A section as the page draws it. */
	record Drawn(String template, Object data) {
	}

}
