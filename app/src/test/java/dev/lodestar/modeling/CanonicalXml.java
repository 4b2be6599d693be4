package dev.lodestar.modeling;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Compares two XML documents by what they say, not how they are written: elements by namespace
 * and local name in their order, attributes by namespace and local name in any order (the
 * namespace declarations themselves left out), text trimmed, whitespace-only text and comments
 * left out. A prefix is a writer's choice, so qualified names in values ({@code xsi:type="bpmn2:tFormalExpression"})
 * are compared by the namespace their prefix is bound to.
 */
final class CanonicalXml {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Pattern QNAME = Pattern.compile("([A-Za-z_][\\w.-]*):([A-Za-z_][\\w.-]*)");

	private CanonicalXml() {
	}

	/**
	 * Attributes of BPMN 2.0 with a default in its schema: written or left out, they say the same.
	 * Only {@link #firstDifferenceBesidesDefaults} takes them as equal.
	 */
	private static final Map<String, String> BPMN_DEFAULTS = Map.ofEntries(Map.entry("typeLanguage", "http://www.w3.org/2001/XMLSchema"),
			Map.entry("expressionLanguage", "http://www.w3.org/1999/XPath"), Map.entry("isInterrupting", "true"),
			Map.entry("triggeredByEvent", "false"), Map.entry("isCollection", "false"), Map.entry("isClosed", "false"),
			Map.entry("processType", "None"), Map.entry("completionQuantity", "1"), Map.entry("startQuantity", "1"),
			Map.entry("isForCompensation", "false"), Map.entry("gatewayDirection", "Unspecified"),
			Map.entry("parallelMultiple", "false"), Map.entry("cancelActivity", "true"), Map.entry("instantiate", "false"),
			Map.entry("associationDirection", "None"), Map.entry("itemKind", "Information"), Map.entry("isUnlimited", "false"),
			Map.entry("testBefore", "false"), Map.entry("isSequential", "false"), Map.entry("textFormat", "text/plain"),
			Map.entry("implementation", "##WebService"), Map.entry("isImmediate", "true"));

	/** The first difference between the two documents, with its path, or {@code null} when they say the same. */
	static String firstDifference(String expected, String actual) {
		return compare(parse(expected), parse(actual), "", false);
	}

	/** As {@link #firstDifference}, an attribute left out taken as equal to its schema default. */
	static String firstDifferenceBesidesDefaults(String expected, String actual) {
		return compare(parse(expected), parse(actual), "", true);
	}

	private static Element parse(String xml) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler());
			return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	private static String compare(Element expected, Element actual, String parent, boolean defaults) {
		String path = parent + "/" + name(expected) + (expected.hasAttribute("id") ? "[@id='" + expected.getAttribute("id") + "']" : "");
		if (!name(expected).equals(name(actual))) {
			return path + ": element " + name(expected) + " became " + name(actual)
					+ (actual.hasAttribute("id") ? "[@id='" + actual.getAttribute("id") + "']" : "");
		}
		Map<String, String> a = attributes(expected);
		Map<String, String> b = attributes(actual);
		for (var entry : a.entrySet()) {
			if (!b.containsKey(entry.getKey())) {
				if (defaults && entry.getValue().equals(BPMN_DEFAULTS.get(entry.getKey()))) {
					continue;
				}
				return path + ": attribute " + entry.getKey() + "=\"" + entry.getValue() + "\" is missing";
			}
			if (!entry.getValue().equals(b.get(entry.getKey()))) {
				return path + ": attribute " + entry.getKey() + " is \"" + b.get(entry.getKey()) + "\" instead of \""
						+ entry.getValue() + "\"";
			}
		}
		for (var key : b.keySet()) {
			if (!a.containsKey(key)) {
				return path + ": attribute " + key + "=\"" + b.get(key) + "\" was added";
			}
		}
		List<Object> left = children(expected);
		List<Object> right = children(actual);
		for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
			if (i >= left.size()) {
				return path + ": " + describe(right.get(i)) + " was added";
			}
			if (i >= right.size()) {
				return path + ": " + describe(left.get(i)) + " is missing";
			}
			Object x = left.get(i);
			Object y = right.get(i);
			if (x instanceof Element ex && y instanceof Element ey) {
				String difference = compare(ex, ey, path, defaults);
				if (difference != null) {
					return difference;
				}
			}
			else if (!x.equals(y)) {
				return path + ": " + describe(x) + " became " + describe(y);
			}
		}
		return null;
	}

	private static String name(Node node) {
		String namespace = node.getNamespaceURI();
		return (namespace == null || namespace.isEmpty() ? "" : "{" + namespace + "}") + node.getLocalName();
	}

	private static Map<String, String> attributes(Element element) {
		var map = new TreeMap<String, String>();
		var attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
				continue;
			}
			map.put(name(attribute), value(element, attribute.getNodeValue()));
		}
		return map;
	}

	/**
	 * A value that is a qualified name, named by its namespace; a number by its value ({@code 30.0}
	 * is {@code 30}); any other value as it is.
	 */
	private static String value(Element scope, String value) {
		if (NUMBER.matcher(value.trim()).matches()) {
			return new java.math.BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
		}
		var matcher = QNAME.matcher(value.trim());
		if (matcher.matches()) {
			String namespace = scope.lookupNamespaceURI(matcher.group(1));
			if (namespace != null) {
				return "{" + namespace + "}" + matcher.group(2);
			}
		}
		return value;
	}

	private static List<Object> children(Element element) {
		var children = new ArrayList<Object>();
		var text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			switch (child.getNodeType()) {
				case Node.ELEMENT_NODE -> {
					flush(text, children);
					children.add(child);
				}
				case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
				default -> {
					// comments and processing instructions say nothing about the model
				}
			}
		}
		flush(text, children);
		return children;
	}

	private static void flush(StringBuilder text, List<Object> children) {
		String trimmed = text.toString().trim();
		if (!trimmed.isEmpty()) {
			children.add(trimmed);
		}
		text.setLength(0);
	}

	private static String describe(Object child) {
		if (child instanceof Element element) {
			return "element " + name(element) + (element.hasAttribute("id") ? "[@id='" + element.getAttribute("id") + "']" : "");
		}
		return "text \"" + child + "\"";
	}

}
