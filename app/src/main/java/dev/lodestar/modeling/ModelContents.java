package dev.lodestar.modeling;

import java.io.StringReader;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.system.InvalidInputException;

/**
 * What every model that reaches the workspace must be before it is kept, whether edited,
 * created or uploaded: a key of lower-case words joined by hyphens (like the files under
 * {@code processes/} and {@code forms/}), and content the kind's parser reads — well-formed
 * XML whose root is a BPMN or DMN {@code definitions}, or a JSON object for a form — refused
 * with the parser's own reason (a truncated draft once opened as an empty editor).
 */
final class ModelContents {

	/** A model key: lower-case words joined by hyphens, as the files are named. */
	static final String KEY_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

	private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

	static final int MAX_KEY_LENGTH = 60;

	private static final String BPMN_NS = ModelChecker.BPMN_NS;

	private static final ObjectMapper JSON = new ObjectMapper();

	private ModelContents() {
	}

	/** Refuses a key that is no file name of the workspace (400 naming {@code field}). */
	static void checkKey(String field, String key) {
		if (key == null || key.isBlank()) {
			throw new InvalidInputException(field, "must not be blank");
		}
		if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
			throw new InvalidInputException(field, "\"" + key
					+ "\" is not a model key: lower-case letters and digits in words joined by hyphens, at most "
					+ MAX_KEY_LENGTH + " characters, starting with a letter (e.g. expense-claim)");
		}
	}

	/**
	 * Refuses content that the kind's parser cannot read (400 naming {@code field}, with the
	 * parser's reason and the line).
	 */
	static void checkReadable(String field, ModelKind kind, String content) {
		String reason = unreadable(kind, content);
		if (reason != null) {
			throw new InvalidInputException(field, reason);
		}
	}

	/** Why the kind's parser cannot read the content, or {@code null} when it can. */
	static String unreadable(ModelKind kind, String content) {
		if (content == null || content.isBlank()) {
			return "is empty";
		}
		if (kind == ModelKind.FORM) {
			try {
				JsonNode form = JSON.readTree(content);
				return form != null && form.isObject() ? null : "is not a form: a JSON object is expected";
			}
			catch (JsonProcessingException ex) {
				return "is not well-formed JSON: " + ex.getOriginalMessage() + " (line "
						+ ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
			}
		}
		Document document;
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler()); // no "[Fatal Error]" on the console
			document = builder.parse(new InputSource(new StringReader(content)));
		}
		catch (SAXParseException ex) {
			return "is not well-formed XML: " + ex.getMessage() + " (line " + ex.getLineNumber() + ", column "
					+ ex.getColumnNumber() + ")";
		}
		catch (Exception ex) {
			return "is not well-formed XML: " + ex.getMessage();
		}
		var root = document.getDocumentElement();
		boolean definitions = "definitions".equals(root.getLocalName());
		String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
		if (kind == ModelKind.BPMN && !(definitions && BPMN_NS.equals(namespace))) {
			return "is not a BPMN model: its root is <" + root.getNodeName() + ">, not BPMN 2.0 <definitions>";
		}
		if (kind == ModelKind.DMN && !(definitions && namespace.contains("omg.org/spec/DMN"))) {
			return "is not a DMN model: its root is <" + root.getNodeName() + ">, not DMN <definitions>";
		}
		return null;
	}

	/**
	 * Refuses a model whose process, first decision or form id is not its key: the key names
	 * the file, the engine knows the model by that id, and the two must not part.
	 */
	static void checkDefinitionId(String field, ModelKind kind, String key, String content) {
		String id = DeployedModels.definitionId(kind, content);
		if (!key.equals(id)) {
			String what = switch (kind) {
				case BPMN -> "process";
				case DMN -> "decision";
				case FORM -> "form";
			};
			throw new InvalidInputException(field, "the " + what + " id is " + (id == null ? "missing" : "\"" + id + "\"")
					+ " but must be the model key \"" + key + "\"");
		}
	}

}
