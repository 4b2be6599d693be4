package dev.lodestar.modeling;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.access.Roles;
import dev.lodestar.modeling.Finding.Severity;
import dev.lodestar.system.ProcessTexts;

/**
 * Checks models before they are deployed: the engine's own parse (without deploying), then
 * Lodestar's rules, among them {@link ModelRules}, which every deployment passes. Forms and
 * decisions referenced by a BPMN may come from the same deployment or from what is deployed
 * already.
 */
@Component
class ModelChecker {

	static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/** The highest form-js schema version that Camunda 7.24 renders. */
	static final int MAX_FORM_SCHEMA_VERSION = 16;

	private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\s*\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

	private static final Pattern DECISION_OUTPUT = Pattern
		.compile("decisionResult\\s*\\.\\s*(?:getSingleResult|getFirstResult)\\s*\\(\\s*\\)\\s*\\.\\s*(?:get\\(\\s*['\"](\\w+)['\"]\\s*\\)|(\\w+))");

	private final ProcessEngineConfigurationImpl engine;
	private final DeployedModels deployed;
	private final ApplicationContext context;
	private final MessageSource messages;
	private final ObjectMapper json;
	private final ModelRules rules;
	private final ProcessTexts texts;
	private final org.camunda.bpm.dmn.engine.DmnEngine dmnEngine = org.camunda.bpm.dmn.engine.DmnEngineConfiguration
		.createDefaultDmnEngineConfiguration()
		.buildEngine();

	ModelChecker(ProcessEngineConfigurationImpl engine, DeployedModels deployed, ApplicationContext context,
			MessageSource messages, ObjectMapper json, ModelRules rules, ProcessTexts texts) {
		this.engine = engine;
		this.texts = texts;
		this.rules = rules;
		this.deployed = deployed;
		this.context = context;
		this.messages = messages;
		this.json = json;
	}

	/** Checks {@code files} (resource name to content) as one deployment would see them. */
	CheckReport check(Map<String, String> files, Locale locale) {
		var findings = new Findings(locale);
		// what the deployment sees: the latest deployed models, overridden by the new files
		var world = new LinkedHashMap<String, String>();
		deployed.all().forEach((name, versions) -> world.put(name, versions.get(versions.size() - 1).content()));
		world.putAll(files);
		Set<String> formIds = formIds(world);
		Map<String, Set<String>> decisionOutputs = decisionOutputs(world);

		for (var file : files.entrySet()) {
			String name = file.getKey();
			ModelKind kind = ModelKind.of(name);
			if (kind == null) {
				findings.error(name, null, "unknownKind");
				continue;
			}
			switch (kind) {
				case BPMN -> checkBpmn(name, file.getValue(), formIds, decisionOutputs, findings);
				case DMN -> checkDmn(name, file.getValue(), world, decisionOutputs, findings);
				case FORM -> checkForm(name, file.getValue(), findings);
			}
			// the same rules as every deployment's (ModelTrustPlugin): the same verdict
			for (ModelRules.Violation violation : rules.inspect(name, file.getValue())) {
				findings.error(name, violation.elementId(), violation.code(), violation.messageArgs());
			}
		}
		return CheckReport.of(named(findings.list, files, locale));
	}

	/** The findings with the names of their elements, in the reader's language. */
	private List<Finding> named(List<Finding> found, Map<String, String> files, Locale locale) {
		Map<String, Map<String, String>> namesByFile = new HashMap<>();
		List<Finding> named = new ArrayList<>();
		for (Finding finding : found) {
			String name = finding.elementId() == null ? null
					: namesByFile.computeIfAbsent(finding.resourceName(), file -> elementNames(files.get(file), locale))
						.get(finding.elementId());
			named.add(name == null ? finding : finding.named(name));
		}
		return named;
	}

	/**
	 * Every named element of a BPMN or DMN file by id, with its name in this language: a process's
	 * steps as the process texts name them ({@link ProcessTexts#stepName}), the rest as the file does.
	 */
	Map<String, String> elementNames(String content, Locale locale) {
		Map<String, String> names = new HashMap<>();
		Document document = content == null || content.isBlank() || content.strip().startsWith("{") ? null : xml(content);
		if (document == null) {
			return names;
		}
		NodeList all = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			String id = element.getAttribute("id");
			String name = element.getAttribute("name").strip();
			if (id.isBlank() || name.isBlank()) {
				continue;
			}
			names.put(id, texts.stepName(processKey(element), id, name, locale));
		}
		return names;
	}

	/** The id of the BPMN process an element belongs to (a process's own id is its key), or null. */
	private static String processKey(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (BPMN_NS.equals(e.getNamespaceURI()) && "process".equals(e.getLocalName())) {
				return e.getAttribute("id");
			}
		}
		return null;
	}

	// ---- BPMN -----------------------------------------------------------------------------

	private void checkBpmn(String name, String content, Set<String> formIds, Map<String, Set<String>> decisionOutputs,
			Findings findings) {
		Document document = xml(content);
		if (document == null) {
			findings.error(name, null, "unreadable");
			return;
		}
		enginesParse(name, content, findings);
		for (Element process : elements(document, BPMN_NS, "process")) {
			String ttl = process.getAttributeNS(CAMUNDA_NS, "historyTimeToLive");
			if ("true".equals(process.getAttribute("isExecutable")) && ttl.isBlank()) {
				findings.error(name, process.getAttribute("id"), "noHistoryTimeToLive");
			}
		}
		for (Element task : elements(document, BPMN_NS, "userTask")) {
			checkUserTask(name, task, formIds, findings);
		}
		for (Element timer : elements(document, BPMN_NS, "timerEventDefinition")) {
			checkTimer(name, timer, findings);
		}
		checkDelegateExpressions(name, document.getDocumentElement(), findings);
		for (Element task : elements(document, BPMN_NS, "businessRuleTask")) {
			checkDecisionOutputs(name, task, decisionOutputs, findings);
		}
	}

	private void enginesParse(String name, String content, Findings findings) {
		var bpmnDeployer = engine.getDeployers()
			.stream()
			.filter(BpmnDeployer.class::isInstance)
			.map(BpmnDeployer.class::cast)
			.findFirst()
			.orElseThrow();
		try {
			engine.getCommandExecutorTxRequired().execute(commandContext -> {
				var deployment = new DeploymentEntity();
				deployment.setId("check");
				deployment.setName("check");
				bpmnDeployer.getBpmnParser()
					.createParse()
					.sourceInputStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
					.deployment(deployment)
					.name(name)
					.execute();
				return null;
			});
		}
		catch (ParseException ex) {
			for (ResourceReport report : ex.getResorceReports()) {
				for (Problem problem : report.getErrors()) {
					findings.add(Severity.ERROR, name, problem.getMainElementId(), "engine", problem.getMessage());
				}
			}
			if (ex.getResorceReports().isEmpty()) {
				findings.add(Severity.ERROR, name, null, "engine", ex.getMessage());
			}
		}
		catch (RuntimeException ex) {
			findings.add(Severity.ERROR, name, null, "engine", String.valueOf(ex.getMessage()));
		}
	}

	private void checkUserTask(String name, Element task, Set<String> formIds, Findings findings) {
		String id = task.getAttribute("id");
		String assignee = task.getAttributeNS(CAMUNDA_NS, "assignee");
		List<String> groups = new ArrayList<>();
		for (String group : task.getAttributeNS(CAMUNDA_NS, "candidateGroups").split(",")) {
			if (!group.isBlank()) {
				groups.add(group.trim());
			}
		}
		for (String group : groups) {
			if (!isExpression(group) && !Roles.ALL.contains(group)) {
				findings.error(name, id, "unknownRole", group);
			}
		}
		if (assignee.isBlank() && groups.isEmpty()) {
			findings.error(name, id, "noRole");
		}
		String formRef = task.getAttributeNS(CAMUNDA_NS, "formRef");
		if (!formRef.isBlank() && !isExpression(formRef) && !formIds.contains(formRef)) {
			findings.error(name, id, "missingForm", formRef);
		}
	}

	private void checkTimer(String name, Element timer, Findings findings) {
		Element owner = (Element) timer.getParentNode();
		String id = owner.getAttribute("id");
		for (String kind : List.of("timeDuration", "timeDate", "timeCycle")) {
			for (Element value : children(timer, BPMN_NS, kind)) {
				String text = value.getTextContent().trim();
				if (isExpression(text)) {
					continue;
				}
				if (!timerParses(kind, text)) {
					findings.error(name, id, "badTimer", text);
				}
			}
		}
	}

	static boolean timerParses(String kind, String text) {
		try {
			var types = DatatypeFactory.newInstance();
			switch (kind) {
				case "timeDuration" -> types.newDuration(text);
				case "timeDate" -> types.newXMLGregorianCalendar(text);
				default -> {
					if (text.startsWith("R")) {
						String[] parts = text.split("/");
						if (parts.length < 2 || !parts[0].matches("R\\d*")) {
							return false;
						}
						for (int i = 1; i < parts.length; i++) {
							if (parts[i].startsWith("P")) {
								types.newDuration(parts[i]);
							}
							else {
								types.newXMLGregorianCalendar(parts[i]);
							}
						}
					}
					else {
						int fields = text.split("\\s+").length;
						return fields == 6 || fields == 7;
					}
				}
			}
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private void checkDelegateExpressions(String name, Element element, Findings findings) {
		String expression = element.getAttributeNS(CAMUNDA_NS, "delegateExpression");
		if (!expression.isBlank()) {
			Matcher bean = BEAN_EXPRESSION.matcher(expression);
			if (bean.matches() && !context.containsBean(bean.group(1))
					&& (engine.getBeans() == null || !engine.getBeans().containsKey(bean.group(1)))) {
				findings.error(name, elementId(element), "unknownBean", bean.group(1));
			}
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				checkDelegateExpressions(name, e, findings);
			}
		}
	}

	private void checkDecisionOutputs(String name, Element task, Map<String, Set<String>> decisionOutputs,
			Findings findings) {
		String decision = task.getAttributeNS(CAMUNDA_NS, "decisionRef");
		if (decision.isBlank() || isExpression(decision)) {
			return;
		}
		Set<String> outputs = decisionOutputs.get(decision);
		String id = task.getAttribute("id");
		if (outputs == null) {
			findings.error(name, id, "unknownDecision", decision);
			return;
		}
		Matcher used = DECISION_OUTPUT.matcher(task.getTextContent());
		var reported = new HashSet<String>();
		while (used.find()) {
			String output = used.group(1) != null ? used.group(1) : used.group(2);
			if (!outputs.contains(output) && reported.add(output)) {
				findings.error(name, id, "unknownOutput", decision, output);
			}
		}
	}

	// ---- DMN and forms ----------------------------------------------------------------------

	private void checkDmn(String name, String content, Map<String, String> world,
			Map<String, Set<String>> decisionOutputs, Findings findings) {
		try {
			// a plain DMN engine: the process engine's own adds history parsers that need a deployment
			dmnEngine.parseDecisionRequirementsGraph(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			findings.add(Severity.ERROR, name, null, "engine", String.valueOf(ex.getMessage()));
			return;
		}
		// the processes already deployed must still find the outputs they read
		Document document = xml(content);
		for (Element decision : elements(document, "*", "decision")) {
			String decisionId = decision.getAttribute("id");
			for (var other : world.entrySet()) {
				if (ModelKind.of(other.getKey()) != ModelKind.BPMN || !other.getValue().contains(decisionId)) {
					continue;
				}
				Document bpmn = xml(other.getValue());
				if (bpmn == null) {
					continue;
				}
				for (Element task : elements(bpmn, BPMN_NS, "businessRuleTask")) {
					if (!decisionId.equals(task.getAttributeNS(CAMUNDA_NS, "decisionRef"))) {
						continue;
					}
					Matcher used = DECISION_OUTPUT.matcher(task.getTextContent());
					while (used.find()) {
						String output = used.group(1) != null ? used.group(1) : used.group(2);
						if (!decisionOutputs.getOrDefault(decisionId, Set.of()).contains(output)) {
							findings.error(name, decisionId, "outputStillUsed", output, other.getKey(),
									task.getAttribute("id"));
						}
					}
				}
			}
		}
	}

	private void checkForm(String name, String content, Findings findings) {
		JsonNode form;
		try {
			form = json.readTree(content);
		}
		catch (Exception ex) {
			findings.error(name, null, "unreadable");
			return;
		}
		if (form.path("id").asText("").isBlank()) {
			findings.error(name, null, "formWithoutId");
		}
		if (!form.path("components").isArray()) {
			findings.error(name, null, "formWithoutComponents");
		}
		if (form.path("schemaVersion").asInt(0) > MAX_FORM_SCHEMA_VERSION) {
			findings.error(name, null, "formSchemaTooNew", form.path("schemaVersion").asInt(), MAX_FORM_SCHEMA_VERSION);
		}
	}

	// ---- what the models around a deployment offer -----------------------------------------

	private Set<String> formIds(Map<String, String> world) {
		var ids = new HashSet<String>();
		world.forEach((name, content) -> {
			if (ModelKind.of(name) == ModelKind.FORM) {
				try {
					String id = json.readTree(content).path("id").asText("");
					if (!id.isBlank()) {
						ids.add(id);
					}
				}
				catch (Exception ex) {
					// an unreadable form offers no id; it is reported when it is itself checked
				}
			}
		});
		return ids;
	}

	private static Map<String, Set<String>> decisionOutputs(Map<String, String> world) {
		var outputs = new HashMap<String, Set<String>>();
		world.forEach((name, content) -> {
			if (ModelKind.of(name) != ModelKind.DMN) {
				return;
			}
			Document document = xml(content);
			if (document == null) {
				return;
			}
			for (Element decision : elements(document, "*", "decision")) {
				var names = new HashSet<String>();
				for (Element output : elements(decision, "*", "output")) {
					names.add(output.getAttribute("name"));
				}
				outputs.put(decision.getAttribute("id"), names);
			}
		});
		return outputs;
	}

	// ---- XML helpers ------------------------------------------------------------------------

	static Document xml(String content) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no "[Fatal Error]" on the console
			return builder.parse(new InputSource(new StringReader(content)));
		}
		catch (Exception ex) {
			return null;
		}
	}

	static List<Element> elements(Document document, String namespace, String localName) {
		return document == null ? List.of() : list(document.getElementsByTagNameNS(namespace, localName));
	}

	static List<Element> elements(Element element, String namespace, String localName) {
		return list(element.getElementsByTagNameNS(namespace, localName));
	}

	private static List<Element> children(Element parent, String namespace, String localName) {
		var found = new ArrayList<Element>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e && namespace.equals(e.getNamespaceURI())
					&& localName.equals(e.getLocalName())) {
				found.add(e);
			}
		}
		return found;
	}

	private static List<Element> list(NodeList nodes) {
		var list = new ArrayList<Element>(nodes.getLength());
		for (int i = 0; i < nodes.getLength(); i++) {
			list.add((Element) nodes.item(i));
		}
		return list;
	}

	/** The id of the nearest BPMN element (a listener has none of its own). */
	private static String elementId(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (BPMN_NS.equals(e.getNamespaceURI()) && !e.getAttribute("id").isBlank()) {
				return e.getAttribute("id");
			}
		}
		return null;
	}

	static boolean isExpression(String value) {
		return value.contains("${") || value.contains("#{");
	}

	/** Findings in the caller's language. */
	private final class Findings {

		final List<Finding> list = new ArrayList<>();

		final Locale locale;

		Findings(Locale locale) {
			this.locale = locale;
		}

		void error(String resource, String elementId, String code, Object... args) {
			add(Severity.ERROR, resource, elementId, code,
					messages.getMessage("models.check." + code, args, code, locale));
		}

		void add(Severity severity, String resource, String elementId, String code, String message) {
			list.add(new Finding(severity, resource, elementId, code, message));
		}

	}

}
