package dev.lodestar.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of a model's XML by element id, whatever the order of its attributes and its prefixes
 * (the modelers re-save files in their own order), so a test does not depend on which version
 * another test deployed before it. Each edit fails when the element is not found.
 */
final class ModelEdits {

	private ModelEdits() {
	}

	/** Sets (or, for a {@code null} value, removes) attributes of the start tag of the element with {@code id}. */
	static String attributes(String xml, String id, Map<String, String> attributes) {
		Matcher tag = Pattern.compile("<([\\w:.-]+)(\\s[^>]*?\\bid=\"" + Pattern.quote(id) + "\"[^>]*?)(/?)>")
			.matcher(xml);
		assertThat(tag.find()).as("element " + id).isTrue();
		String body = tag.group(2);
		for (var attribute : attributes.entrySet()) {
			body = body.replaceAll("\\s+" + Pattern.quote(attribute.getKey()) + "=\"[^\"]*\"", "");
			if (attribute.getValue() != null) {
				body = body + " " + attribute.getKey() + "=\"" + attribute.getValue() + "\"";
			}
		}
		String edited = xml.substring(0, tag.start()) + "<" + tag.group(1) + body + tag.group(3) + ">"
				+ xml.substring(tag.end());
		assertThat(edited).as("edit of " + id).isNotEqualTo(xml);
		return edited;
	}

	/** Sets one attribute of the element with {@code id}. */
	static String attribute(String xml, String id, String name, String value) {
		return attributes(xml, id, java.util.Collections.singletonMap(name, value));
	}

	/** Replaces the text of the element with {@code id} (a DMN input or output entry, a timer's duration). */
	static String text(String xml, String id, String text) {
		Matcher entry = Pattern
			.compile("(<[\\w:.-]+\\s[^>]*?\\bid=\"" + Pattern.quote(id) + "\"[^>]*>\\s*<(?:[\\w.-]+:)?text>)([^<]*)(<)")
			.matcher(xml);
		assertThat(entry.find()).as("text of " + id).isTrue();
		return xml.substring(0, entry.start(2)) + text + xml.substring(entry.end(2));
	}

}
