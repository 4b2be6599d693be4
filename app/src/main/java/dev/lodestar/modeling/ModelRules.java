package dev.lodestar.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Text;

/**
 * The one check that keeps models data, not programs (README, Security model). Every deployment
 * passes it, whichever way it reaches the engine ({@link ModelTrustPlugin}), and the Check
 * button shows its verdict ({@link ModelChecker}). It refuses, naming the element and the
 * attribute:
 * <ul>
 * <li>expressions other than variables, literals, operators, Camunda's date and user functions,
 * calls of the allow-list ({@link ProcessApis}) and a few read-only calls on values;</li>
 * <li>script tasks, scripts anywhere, script languages, {@code camunda:class} outside
 * Lodestar's delegates, connectors, external resources, forms other than Camunda forms of the
 * deployment;</li>
 * <li>in DMN, expression languages other than FEEL, FEEL's external (Java) functions, and JUEL
 * expressions held to the same rules as in BPMN;</li>
 * <li>resources that are not models (a script, an HTML form, a CMMN case).</li>
 * </ul>
 */
@Component
class ModelRules {

	static final String CAMUNDA_NS = ModelChecker.CAMUNDA_NS;

	private static final Set<String> SKIPPED_NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
			"http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
			"https://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DMN/20180521/DI/",
			"http://www.omg.org/spec/DMN/20180521/DC/", "http://www.w3.org/2000/xmlns/");

	/** Free text a model may hold without it being evaluated. */
	private static final Set<String> PROSE = Set.of("documentation", "text");

	private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");

	private static final Set<String> IMAGES = Set.of(".png", ".jpg", ".jpeg", ".gif");

	/** One thing the check refuses: where it is and what it is, as a message code and its arguments. */
	record Violation(String resourceName, String elementId, String attribute, String code, List<Object> args) {

		/** The arguments of {@code models.check.<code>}: the attribute first. */
		Object[] messageArgs() {
			var all = new ArrayList<Object>();
			all.add(attribute == null ? "" : attribute);
			all.addAll(args);
			return all.toArray();
		}

	}

	private final ProcessApis apis;

	ModelRules(ProcessApis apis) {
		this.apis = apis;
	}

	List<Violation> inspect(String resourceName, String content) {
		var found = new ArrayList<Violation>();
		String name = resourceName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
			Document document = ModelChecker.xml(content);
			if (document != null) {
				walkXml(resourceName, document.getDocumentElement(), false, found);
			}
		}
		else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
			Document document = ModelChecker.xml(content);
			if (document != null) {
				walkXml(resourceName, document.getDocumentElement(), true, found);
			}
		}
		else if (!name.endsWith(".form") && IMAGES.stream().noneMatch(name::endsWith)) {
			found.add(new Violation(resourceName, null, null, "resourceType", List.of(resourceName)));
		}
		return found;
	}

	// ---- the XML of BPMN and DMN ------------------------------------------------------------

	private void walkXml(String resource, Element element, boolean dmn, List<Violation> found) {
		if (SKIPPED_NAMESPACES.contains(element.getNamespaceURI())) {
			return;
		}
		String local = element.getLocalName();
		String id = elementId(element);
		String elementName = element.getTagName();
		if (!dmn && PROSE.contains(local) && ModelChecker.BPMN_NS.equals(element.getNamespaceURI())) {
			return;
		}
		if ("scriptTask".equals(local) || "script".equals(local)) {
			found.add(new Violation(resource, id, elementName, "script", List.of()));
		}
		if (CAMUNDA_NS.equals(element.getNamespaceURI()) && "connector".equals(local)) {
			found.add(new Violation(resource, id, elementName, "connector", List.of()));
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if ("http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
				continue;
			}
			checkAttribute(resource, id, attribute, dmn, found);
		}
		for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				walkXml(resource, e, dmn, found);
			}
			else if (child instanceof Text text && !text.getData().isBlank()) {
				String where = elementName + (element.hasAttribute("name") ? " " + element.getAttribute("name") : "");
				checkText(resource, id, where, text.getData(), dmn, found);
			}
		}
	}

	private void checkAttribute(String resource, String id, Attr attribute, boolean dmn, List<Violation> found) {
		String name = attribute.getName();
		String local = attribute.getLocalName() != null ? attribute.getLocalName() : name;
		String value = attribute.getValue();
		boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI());
		if (camunda && ("class".equals(local) || "variableMappingClass".equals(local))) {
			if (!ProcessApis.isOpenClass(value.trim())) {
				found.add(new Violation(resource, id, name, "javaClass", List.of(value)));
			}
		}
		else if (camunda && "resource".equals(local)) {
			found.add(new Violation(resource, id, name, "externalResource", List.of(value)));
		}
		else if (camunda && "scriptFormat".equals(local) || !dmn && "language".equals(local)) {
			found.add(new Violation(resource, id, name, "script", List.of()));
		}
		else if (camunda && "formKey".equals(local) && !value.startsWith("camunda-forms:deployment:")) {
			found.add(new Violation(resource, id, name, "formKey", List.of(value)));
		}
		else if (dmn && "expressionLanguage".equals(local) && !value.isBlank()
				&& !value.toLowerCase(Locale.ROOT).contains("feel")) {
			found.add(new Violation(resource, id, name, "expressionLanguage", List.of(value)));
		}
		if (isExpression(value)) {
			checkExpression(resource, id, name, value, found);
		}
	}

	private void checkText(String resource, String id, String where, String text, boolean dmn,
			List<Violation> found) {
		if (dmn && text.contains("function") && FEEL_EXTERNAL.matcher(text).find()) {
			found.add(new Violation(resource, id, where, "externalFunction", List.of()));
		}
		if (isExpression(text)) {
			checkExpression(resource, id, where, text.trim(), found);
		}
	}

	static boolean isExpression(String value) {
		return value.contains("${") || value.contains("#{");
	}

	// ---- expressions ----------------------------------------------------------------------

	/** What {@code expression} reaches beyond the allow-list, as violations at {@code id}/{@code attribute}. */
	void checkExpression(String resource, String id, String attribute, String expression, List<Violation> found) {
		Node root;
		try {
			root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression).getRoot();
		}
		catch (TreeBuilderException ex) {
			found.add(new Violation(resource, id, attribute, "unreadableExpression", List.of(expression)));
			return;
		}
		new ExpressionWalk(resource, id, attribute, found).walk(root);
	}

	private final class ExpressionWalk {

		final String resource;
		final String id;
		final String attribute;
		final List<Violation> found;

		ExpressionWalk(String resource, String id, String attribute, List<Violation> found) {
			this.resource = resource;
			this.id = id;
			this.attribute = attribute;
			this.found = found;
		}

		void walk(Node node) {
			if (node instanceof AstMethod method) {
				AstProperty property = (AstProperty) method.getChild(0);
				Node base = property.getChild(0);
				call(base, propertyName(property));
				walkBase(base);
				if (property instanceof AstBracket) {
					walk(property.getChild(1));
				}
				boolean toLodestar = base instanceof AstIdentifier target && apis.isOpen(target.getName());
				Node params = method.getChild(1);
				for (int i = 0; i < params.getCardinality(); i++) {
					// execution and task may be handed to Lodestar's methods, and nowhere else
					if (!(toLodestar && isEngineObject(params.getChild(i)))) {
						walk(params.getChild(i));
					}
				}
				return;
			}
			if (node instanceof AstProperty property) {
				Node base = property.getChild(0);
				read(base, propertyName(property));
				walkBase(base);
				if (property instanceof AstBracket) {
					walk(property.getChild(1));
				}
				return;
			}
			if (node instanceof AstFunction function && !ProcessApis.FUNCTIONS.contains(function.getName())) {
				refuse("functionNotOpen", function.getName());
			}
			if (node instanceof AstIdentifier identifier && apis.isClosedBean(identifier.getName())) {
				refuse("beanNotOpen", identifier.getName());
			}
			if (isEngineObject(node)) {
				refuse("engineObject", ((AstIdentifier) node).getName());
			}
			for (int i = 0; i < node.getCardinality(); i++) {
				walk(node.getChild(i));
			}
		}

		/** The base of a call or a read is checked by {@link #call} and {@link #read}: not itself a value. */
		private void walkBase(Node base) {
			if (!isEngineObject(base)) {
				walk(base);
			}
		}

		private void call(Node base, String method) {
			String target = base instanceof AstIdentifier identifier ? identifier.getName() : null;
			String shown = (target != null ? target : "…") + "." + (method != null ? method : "[…]") + "()";
			if (method == null) {
				refuse("notCallable", shown);
			}
			else if (target != null && apis.isOpen(target)) {
				if (!apis.mayCall(target, method)) {
					refuse("notCallable", shown);
				}
			}
			else if ("execution".equals(target)) {
				if (!ProcessApis.EXECUTION.contains(method)) {
					refuse("notCallable", shown);
				}
			}
			else if ("task".equals(target)) {
				if (!ProcessApis.TASK.contains(method)) {
					refuse("notCallable", shown);
				}
			}
			else if (target == null || !apis.isClosedBean(target)) {
				// a variable or a value: the run time holds each call to the value's type
				if (!ProcessApis.VALUE_METHODS.contains(method)) {
					refuse("notCallable", shown);
				}
			}
		}

		private void read(Node base, String property) {
			String target = base instanceof AstIdentifier identifier ? identifier.getName() : null;
			String shown = (target != null ? target : "…") + "." + (property != null ? property : "[…]");
			boolean engineObject = "execution".equals(target) || "task".equals(target);
			if (property == null) {
				if (engineObject || target != null && apis.isOpen(target)) {
					refuse("notReadable", shown);
				}
			}
			else if ("class".equals(property)) {
				refuse("notReadable", shown);
			}
			else if (target != null && apis.isOpen(target)) {
				if (!apis.mayRead(target, property)) {
					refuse("notReadable", shown);
				}
			}
			else if (engineObject) {
				if (!ProcessApis.readsAllowedGetter("execution".equals(target) ? ProcessApis.EXECUTION
						: ProcessApis.TASK, property)) {
					refuse("notReadable", shown);
				}
			}
		}

		private void refuse(String code, Object what) {
			found.add(new Violation(resource, id, attribute, code, List.of(what)));
		}

	}

	/** {@code execution} or {@code task}: the engine's objects, which a model may not keep or pass around. */
	private static boolean isEngineObject(Node node) {
		return node instanceof AstIdentifier identifier
				&& ("execution".equals(identifier.getName()) || "task".equals(identifier.getName()));
	}

	/** The name after the dot, or a bracket's literal string; {@code null} when computed. */
	private static String propertyName(AstProperty property) {
		if (property instanceof AstDot dot) {
			String text = dot.toString();
			return text.startsWith(". ") ? text.substring(2) : text.replaceFirst("^\\.\\s*", "");
		}
		if (property instanceof AstBracket && property.getChild(1) instanceof AstString string) {
			return String.valueOf(string.eval(null, null));
		}
		return null;
	}

	/** The id of the nearest element that has one (a listener or a script has none of its own). */
	private static String elementId(Element element) {
		for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (!e.getAttribute("id").isBlank()) {
				return e.getAttribute("id");
			}
		}
		return null;
	}

	/** The violations in words, for the engine's refusal and the log. */
	static String describe(List<Violation> violations, java.util.function.Function<Violation, String> message) {
		var text = new StringBuilder();
		for (Violation violation : violations) {
			if (!text.isEmpty()) {
				text.append("; ");
			}
			text.append(violation.resourceName());
			if (violation.elementId() != null) {
				text.append(", element ").append(violation.elementId());
			}
			text.append(": ").append(message.apply(violation));
		}
		return text.toString();
	}

}
