package dev.lodestar.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dev.lodestar.access.Roles;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.worklist.Caller;

/**
 * What changed between two versions of a process, in words (English and Chinese), and its
 * impact: the roles whose tasks were added, removed or changed, the forms that changed, the
 * running instances that sit in touched elements. Starts the "what changed" briefing.
 */
@Component
class ModelChanges {

	static final String BRIEFING_PROCESS = "model-change-briefing";

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final ModelService models;
	private final RuntimeService runtimeService;
	private final IdentityService identityService;
	private final MessageSource messages;

	ModelChanges(ModelService models, RuntimeService runtimeService, IdentityService identityService,
			MessageSource messages) {
		this.models = models;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.messages = messages;
	}

	/** One changed element. */
	record Change(String type, String elementId, String elementType, String name, List<String> attributes,
			String text) {
	}

	/** Change impact of moving from one version to another. */
	record Impact(List<String> roles, List<String> runtimeRoles, List<String> forms, long runningInstancesTouched) {
	}

	record Diff(String key, int from, int to, List<Change> changes, Impact impact) {
	}

	Diff diff(String key, int from, int to, Locale locale) {
		return diff(key, from, models.content(key, from), to, models.content(key, to), locale);
	}

	/**
	 * What the newest draft changes against the latest deployed version ({@code to} is 0: the
	 * draft has no version yet).
	 */
	Diff draftDiff(String key, Locale locale) {
		int latest = models.latestVersion(key);
		if (latest == 0) {
			throw new InvalidInputException("key", key + " was never deployed: there is nothing to compare its draft with");
		}
		return diff(key, latest, models.content(key, latest), 0, models.draft(key), locale);
	}

	/** What a draft's content (a change request's) changes against the given deployed version. */
	Diff draftDiff(String key, int from, String content, Locale locale) {
		return diff(key, from, models.content(key, from), 0, content, locale);
	}

	private Diff diff(String key, int from, String before, int to, String after, Locale locale) {
		var elementsBefore = elements(ModelChecker.xml(before));
		var elementsAfter = elements(ModelChecker.xml(after));
		var changes = new ArrayList<Change>();
		var touched = new LinkedHashSet<String>();
		var roles = new LinkedHashSet<String>();
		var runtimeRoles = new LinkedHashSet<String>();
		var forms = new LinkedHashSet<String>();
		for (var entry : elementsBefore.entrySet()) {
			Element old = entry.getValue();
			Element now = elementsAfter.get(entry.getKey());
			if (now == null) {
				changes.add(change("removed", old, List.of(), locale));
				touched.add(entry.getKey());
				impact(old, roles, runtimeRoles, forms);
			}
			else {
				List<String> differing = differences(old, now);
				if (!differing.isEmpty()) {
					changes.add(change("changed", now, differing, locale));
					touched.add(entry.getKey());
					impact(old, roles, runtimeRoles, forms);
					impact(now, roles, runtimeRoles, forms);
					if (!Objects.equals(attr(old, "formRef"), attr(now, "formRef"))) {
						forms.add(attr(old, "formRef"));
					}
				}
			}
		}
		for (var entry : elementsAfter.entrySet()) {
			if (!elementsBefore.containsKey(entry.getKey())) {
				changes.add(change("added", entry.getValue(), List.of(), locale));
				impact(entry.getValue(), roles, runtimeRoles, forms);
			}
		}
		forms.remove("");
		long running = 0;
		if (!touched.isEmpty() && models.resourceName(key).endsWith(".bpmn")) {
			String definitionId = models.processDefinition(key, from).getId();
			running = runtimeService.createProcessInstanceQuery()
				.processDefinitionId(definitionId)
				.activityIdIn(touched.toArray(String[]::new))
				.count();
		}
		return new Diff(key, from, to, changes,
				new Impact(List.copyOf(roles), List.copyOf(runtimeRoles), List.copyOf(forms), running));
	}

	/** The outcome of starting a briefing. */
	record Briefing(String processInstanceId, List<String> roles, List<String> members) {
	}

	/**
	 * Starts the "what changed" briefing: a short task for every member of the roles the change
	 * affects, with the changes in words and a link to the new diagram.
	 */
	Briefing startBriefing(Caller caller, String key, int from, int to) {
		if (!ModelService.isOwner(caller)) {
			throw new AccessDeniedException("only process owners brief on changes");
		}
		Diff diff = diff(key, from, to, Locale.ENGLISH);
		if (diff.impact().roles().isEmpty()) {
			throw new InvalidInputException("to", "the change touches no role's tasks: nobody to brief");
		}
		var members = new LinkedHashSet<String>();
		for (String role : diff.impact().roles()) {
			for (User user : identityService.createUserQuery().memberOfGroup(role).orderByUserId().asc().list()) {
				members.add(user.getId());
			}
		}
		if (members.isEmpty()) {
			throw new InvalidInputException("to", "the affected roles have no members");
		}
		var variables = new LinkedHashMap<String, Object>();
		variables.put("modelKey", key);
		variables.put("fromVersion", from);
		variables.put("toVersion", to);
		variables.put("roles", String.join(", ", diff.impact().roles()));
		variables.put("changes", words(diff, Locale.ENGLISH) + "\n\n" + words(diff(key, from, to, CHINESE), CHINESE));
		variables.put("diagramLink", "/models/" + key + "?version=" + to);
		variables.put("members", new ArrayList<>(members));
		variables.put("briefedBy", caller.userId());
		var instance = runtimeService.startProcessInstanceByKey(BRIEFING_PROCESS, key + ":v" + to, variables);
		return new Briefing(instance.getId(), diff.impact().roles(), List.copyOf(members));
	}

	private String words(Diff diff, Locale locale) {
		var text = new StringBuilder(messages.getMessage("models.diff.heading",
				new Object[] { diff.key(), diff.from(), diff.to() }, locale));
		for (Change change : diff.changes()) {
			text.append("\n- ").append(change.text());
		}
		return text.toString();
	}

	private Change change(String type, Element element, List<String> attributes, Locale locale) {
		String name = element.getAttribute("name");
		String elementType = element.getLocalName();
		String label = name.isBlank() ? element.getAttribute("id") : name + " (" + element.getAttribute("id") + ")";
		String what = messages.getMessage("models.element." + elementType, null, elementType, locale);
		String text = messages.getMessage("models.diff." + type, new Object[] { what, label, String.join("; ", attributes) },
				locale);
		return new Change(type, element.getAttribute("id"), elementType, name, attributes, text);
	}

	private static void impact(Element element, Set<String> roles, Set<String> runtimeRoles, Set<String> forms) {
		if (!"userTask".equals(element.getLocalName())) {
			return;
		}
		for (String group : attr(element, "candidateGroups").split(",")) {
			String role = group.trim();
			if (Roles.ALL.contains(role)) {
				roles.add(role);
			}
			else if (!role.isBlank()) {
				runtimeRoles.add(role);
			}
		}
		forms.add(attr(element, "formRef"));
	}

	private static String attr(Element element, String camundaAttribute) {
		return element.getAttributeNS(ModelChecker.CAMUNDA_NS, camundaAttribute);
	}

	/** Every BPMN element with an id, except the diagram's own (DI) elements. */
	private static Map<String, Element> elements(Document document) {
		var found = new TreeMap<String, Element>();
		if (document == null) {
			return found;
		}
		collect(document.getDocumentElement(), found);
		return found;
	}

	private static void collect(Element element, Map<String, Element> found) {
		if (ModelChecker.BPMN_NS.equals(element.getNamespaceURI()) && !element.getAttribute("id").isBlank()
				&& !"definitions".equals(element.getLocalName())) {
			found.put(element.getAttribute("id"), element);
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e && ModelChecker.BPMN_NS.equals(e.getNamespaceURI())) {
				collect(e, found);
			}
		}
	}

	/** The attributes and details in which two versions of an element differ, in words. */
	private static List<String> differences(Element before, Element after) {
		var differing = new ArrayList<String>();
		var names = new java.util.TreeSet<String>();
		names.addAll(attributes(before).keySet());
		names.addAll(attributes(after).keySet());
		for (String name : names) {
			String was = attributes(before).get(name);
			String is = attributes(after).get(name);
			if (!Objects.equals(was, is)) {
				differing.add(name + ": " + (was == null ? "–" : "\"" + was + "\"") + " → "
						+ (is == null ? "–" : "\"" + is + "\""));
			}
		}
		String detailsBefore = details(before);
		String detailsAfter = details(after);
		if (!detailsBefore.equals(detailsAfter)) {
			differing.add("details");
		}
		return differing;
	}

	/**
	 * Attribute values that mean the same as leaving the attribute out: the modeler drops them
	 * when it saves, which is no change.
	 */
	private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("async", "false"),
			Map.entry("asyncAfter", "false"), Map.entry("asyncBefore", "false"), Map.entry("calledElementBinding", "latest"),
			Map.entry("caseBinding", "latest"), Map.entry("decisionRefBinding", "latest"), Map.entry("exclusive", "true"),
			Map.entry("isStartableInTasklist", "true"), Map.entry("mapDecisionResult", "resultList"),
			Map.entry("cancelActivity", "true"), Map.entry("isInterrupting", "true"), Map.entry("isSequential", "false"),
			Map.entry("isForCompensation", "false"), Map.entry("completionQuantity", "1"), Map.entry("startQuantity", "1"),
			Map.entry("gatewayDirection", "Unspecified"), Map.entry("triggeredByEvent", "false"),
			Map.entry("parallelMultiple", "false"), Map.entry("instantiate", "false"), Map.entry("eventGatewayType", "Exclusive"));

	private static Map<String, String> attributes(Element element) {
		var attributes = new TreeMap<String, String>();
		var all = element.getAttributes();
		for (int i = 0; i < all.getLength(); i++) {
			Node attribute = all.item(i);
			if ("http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
				continue;
			}
			String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
			if (!attribute.getNodeValue().equalsIgnoreCase(DEFAULTS.get(name))) {
				attributes.put(name, attribute.getNodeValue());
			}
		}
		return attributes;
	}

	/** The element's own content: children that are not elements of their own, nor flow references. */
	private static String details(Element element) {
		var text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				boolean own = ModelChecker.BPMN_NS.equals(e.getNamespaceURI()) && !e.getAttribute("id").isBlank();
				boolean reference = "incoming".equals(e.getLocalName()) || "outgoing".equals(e.getLocalName());
				if (!own && !reference) {
					text.append(canonical(e));
				}
			}
		}
		return text.toString();
	}

	private static String canonical(Element element) {
		var text = new StringBuilder("<").append(element.getLocalName()).append(attributes(element));
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				text.append(canonical(e));
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue().trim());
			}
		}
		return text.append(">").toString();
	}

}
