package dev.lodestar.modeling;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.ProcessTexts;
import dev.lodestar.worklist.CaseContextProvider;
import dev.lodestar.worklist.Caller;

/**
 * Replay before deploy: the last finished cases of a process walked through the draft of its
 * model. Each case's recorded variables (the engine's history of variable updates, as they were
 * when the case reached each step) decide the draft's gateways; its business rule tasks evaluate
 * the draft of their decision (else the deployed one) with Camunda's DMN engine and map the
 * result as the task does; every other step passes. The walk follows the path the case took
 * (historic activity instances; interrupting boundary events as they happened, the branches of
 * non-interrupting ones left aside) and reports where the draft would leave it: the last step
 * both share, what the case took from there and what the draft would take, up to where they meet
 * again.
 *
 * <p>A model is data, not code: the draft passes {@link ModelRules} first, and its expressions
 * run on the engine's allow-list ({@link GuardedExpressionManager}) without any bean — a replay
 * calls nothing of the application. What cannot be evaluated (a bean, {@code execution}, a
 * missing variable, a decision that fails) leaves that case undecided with the reason.
 */
@Service
class ModelReplay {

	private static final Logger log = LoggerFactory.getLogger(ModelReplay.class);

	static final int DEFAULT_CASES = 200;

	static final int MAX_CASES = 1000;

	private static final int MAX_STEPS = 2000;

	private static final int MAX_CONTINUATION = 30;

	private final ModelService models;
	private final DeployedModels deployed;
	private final ModelRevisions revisions;
	private final ModelRules rules;
	private final HistoryService historyService;
	private final RepositoryService repositoryService;
	private final ProcessEngineConfigurationImpl engine;
	private final GuardedExpressionManager expressions;
	private final ProcessTexts texts;
	private final MessageSource messages;
	private final List<CaseContextProvider> caseProviders;
	private final org.camunda.bpm.engine.ManagementService managementService;
	private volatile DmnEngine dmn;

	ModelReplay(ModelService models, DeployedModels deployed, ModelRevisions revisions, ModelRules rules,
			HistoryService historyService, RepositoryService repositoryService, ProcessEngineConfigurationImpl engine,
			ProcessApis apis, ProcessTexts texts, MessageSource messages, List<CaseContextProvider> caseProviders,
			org.camunda.bpm.engine.ManagementService managementService) {
		this.managementService = managementService;
		this.models = models;
		this.deployed = deployed;
		this.revisions = revisions;
		this.rules = rules;
		this.historyService = historyService;
		this.repositoryService = repositoryService;
		this.engine = engine;
		this.expressions = new GuardedExpressionManager(apis, false);
		this.texts = texts;
		this.messages = messages;
		this.caseProviders = caseProviders;
	}

	/** An element of the model, named in the reader's language. */
	record Step(String id, String name) {
	}

	/** A case whose path the draft would change. */
	record PartedCase(String processInstanceId, String businessKey, String label, String link, Step partsAt,
			List<Step> took, List<Step> wouldTake) {
	}

	/** A case the replay could not decide, with the step and the reason. */
	record UndecidedCase(String processInstanceId, String businessKey, String label, String link, Step at,
			String reason) {
	}

	/** The answer: how many cases were replayed, which would part, where, and in how long. */
	record Result(String key, int replayed, int parted, long tookMs, List<PartedCase> cases,
			List<UndecidedCase> undecided) {
	}

	/** Replays the newest draft of a process on its last {@code cases} finished cases. */
	Result replayDraft(Caller caller, String key, Integer cases, Locale locale) {
		String name = models.resourceName(key);
		if (ModelKind.of(name) != ModelKind.BPMN) {
			throw new InvalidInputException("key", key + " is not a process: only a process's cases can be replayed");
		}
		return replay(caller, key, models.draft(key), cases, locale);
	}

	/** Replays a process model's content on the last {@code cases} finished cases of its key. */
	Result replay(Caller caller, String key, String bpmn, Integer cases, Locale locale) {
		int n = cases == null ? DEFAULT_CASES : cases;
		if (n < 1 || n > MAX_CASES) {
			throw new InvalidInputException("cases", "must be between 1 and " + MAX_CASES);
		}
		long started = System.nanoTime();
		var draft = new Draft(key, read("content", ModelKind.BPMN.resourceName(key), bpmn), locale);
		var finished = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(draft.processKey)
			.finished()
			.orderByProcessInstanceEndTime()
			.desc()
			.listPage(0, n);
		var details = variableUpdates(finished);
		var parted = new ArrayList<PartedCase>();
		var undecided = new ArrayList<UndecidedCase>();
		var runModels = new HashMap<String, RunModel>();
		var activities = activities(finished);
		long read = System.nanoTime();
		for (HistoricProcessInstance instance : finished) {
			var run = runModels.computeIfAbsent(instance.getProcessDefinitionId(), this::runModel);
			var trail = trail(activities.getOrDefault(instance.getId(), List.of()), run);
			Outcome outcome;
			try {
				outcome = draft.walk(trail, new Recorded(details.getOrDefault(instance.getId(), List.of())));
			}
			catch (RuntimeException ex) {
				log.debug("Replay of {} failed", instance.getId(), ex);
				outcome = new Outcome(null, null, List.of(), List.of(), "the replay failed: " + ex.getMessage());
			}
			if (outcome.reason != null) {
				var label = label(caller, key, instance);
				undecided.add(new UndecidedCase(instance.getId(), instance.getBusinessKey(), label[0], label[1],
						outcome.at == null ? null : draft.step(outcome.at), outcome.reason));
			}
			else if (outcome.partsAt != null) {
				var label = label(caller, key, instance);
				parted.add(new PartedCase(instance.getId(), instance.getBusinessKey(), label[0], label[1],
						draft.step(outcome.partsAt), draft.shown(outcome.took), draft.shown(outcome.wouldTake)));
			}
		}
		long tookMs = (System.nanoTime() - started) / 1_000_000;
		log.info("Replay of {} by {}: {} cases, {} would part, {} undecided, {} ms ({} ms reading the history, {} ms "
				+ "evaluating {} distinct decisions)", key, caller.userId(), finished.size(), parted.size(), undecided.size(),
				tookMs, (read - started) / 1_000_000, draft.deciding / 1_000_000, draft.results.size());
		return new Result(key, finished.size(), parted.size(), tookMs, parted, undecided);
	}

	// ---- the model ---------------------------------------------------------------------------

	private BpmnModelInstance read(String field, String resourceName, String content) {
		var violations = rules.inspect(resourceName, content);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(field, ModelRules.describe(violations, v -> messages
				.getMessage("models.check." + v.code(), v.messageArgs(), v.code(), ModelService.locale())));
		}
		try {
			return Bpmn.readModelFromStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException(field, "is not a readable process model: " + ex.getMessage());
		}
	}

	/** The decision a business rule task evaluates: its draft if one is kept, else the deployed version. */
	/** A decision read for the replay, with every name its file mentions (the variables it may read are among them). */
	private record Decision(DmnDecision decision, Set<String> names) {
	}

	private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private Decision decision(String decisionKey) {
		String content = revisions.findFirstByModelKeyOrderByIdDesc(decisionKey)
			.filter(r -> r.status() == ModelRevision.Status.DRAFT && r.kind() == ModelKind.DMN)
			.map(ModelRevision::content)
			.or(() -> deployed.resourceName(decisionKey, ModelKind.DMN).flatMap(deployed::latest)
				.map(DeployedModels.Deployed::content))
			.or(() -> Optional.ofNullable(repositoryService.createDecisionDefinitionQuery()
				.decisionDefinitionKey(decisionKey)
				.latestVersion()
				.singleResult()).map(d -> {
					try (var in = repositoryService.getDecisionModel(d.getId())) {
						return new String(in.readAllBytes(), StandardCharsets.UTF_8);
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}))
			.orElseThrow(() -> new NotFoundException("Decision", decisionKey));
		var violations = rules.inspect(ModelKind.DMN.resourceName(decisionKey), content);
		if (!violations.isEmpty()) {
			throw new IllegalStateException("the decision " + decisionKey + " breaks the rules of models: "
					+ ModelRules.describe(violations, ModelRules.Violation::code));
		}
		var names = new HashSet<String>();
		NAME.matcher(content).results().forEach(m -> names.add(m.group()));
		return new Decision(
				dmn().parseDecision(decisionKey, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))),
				names);
	}

	/**
	 * A DMN engine of its own, with the engine's FEEL and the replay's guarded expressions: the
	 * engine's one would record each evaluation in the decision history and the metrics.
	 */
	private DmnEngine dmn() {
		if (dmn == null) {
			var base = engine.getDmnEngineConfiguration();
			var config = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			config.feelEngineFactory(base.getFeelEngineFactory())
				.elProvider(expressions.toElProvider())
				.defaultInputExpressionExpressionLanguage(base.getDefaultInputExpressionExpressionLanguage())
				.defaultInputEntryExpressionLanguage(base.getDefaultInputEntryExpressionLanguage())
				.defaultOutputEntryExpressionLanguage(base.getDefaultOutputEntryExpressionLanguage())
				.defaultLiteralExpressionLanguage(base.getDefaultLiteralExpressionLanguage());
			dmn = config.buildEngine();
		}
		return dmn;
	}

	/** A deployed version a case ran on: which of its steps are the main path's. */
	private record RunModel(Set<String> mainPath) {
	}

	/**
	 * The steps of the process itself (not inside sub-processes), without the branches of
	 * non-interrupting boundary events, which run beside the path and decide nothing of it.
	 */
	private RunModel runModel(String processDefinitionId) {
		BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
		String processKey = repositoryService.getProcessDefinition(processDefinitionId).getKey();
		Process process = model.getModelElementById(processKey);
		var main = new HashSet<String>();
		var queue = new ArrayList<FlowNode>();
		for (FlowNode node : process.getChildElementsByType(FlowNode.class)) {
			if (node instanceof StartEvent) {
				queue.add(node);
			}
		}
		while (!queue.isEmpty()) {
			FlowNode node = queue.remove(queue.size() - 1);
			if (!main.add(node.getId())) {
				continue;
			}
			node.getOutgoing().forEach(flow -> queue.add(flow.getTarget()));
			for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
				if (boundary.getAttachedTo() == node && boundary.cancelActivity()) {
					queue.add(boundary);
				}
			}
		}
		return new RunModel(main);
	}

	/** One step a case took, when it was reached. */
	private record Taken(String activityId, Date at) {
	}

	private List<Taken> trail(List<HistoricActivityInstance> activities, RunModel run) {
		var trail = new ArrayList<Taken>();
		for (HistoricActivityInstance activity : activities) {
			if (run.mainPath.contains(activity.getActivityId())) {
				trail.add(new Taken(activity.getActivityId(), activity.getStartTime()));
			}
		}
		return trail;
	}

	/** The steps of every case, in the order they were reached: one query per hundred cases. */
	private Map<String, List<HistoricActivityInstance>> activities(List<HistoricProcessInstance> instances) {
		var byCase = new HashMap<String, List<HistoricActivityInstance>>();
		String table = managementService.getTableName(HistoricActivityInstance.class);
		var ids = instances.stream().map(HistoricProcessInstance::getId).toList();
		for (int from = 0; from < ids.size(); from += 100) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + 100));
			var in = new StringBuilder();
			var query = historyService.createNativeHistoricActivityInstanceQuery();
			for (int i = 0; i < chunk.size(); i++) {
				in.append(i == 0 ? "" : ", ").append("#{p").append(i).append('}');
				query.parameter("p" + i, chunk.get(i));
			}
			query.sql("select * from " + table + " where PROC_INST_ID_ in (" + in + ") order by START_TIME_ asc, SEQUENCE_COUNTER_ asc")
				.list()
				.forEach(a -> byCase.computeIfAbsent(a.getProcessInstanceId(), k -> new ArrayList<>()).add(a));
		}
		return byCase;
	}

	private Map<String, List<HistoricVariableUpdate>> variableUpdates(List<HistoricProcessInstance> instances) {
		var updates = new HashMap<String, List<HistoricVariableUpdate>>();
		var ids = instances.stream().map(HistoricProcessInstance::getId).toList();
		for (int from = 0; from < ids.size(); from += 100) {
			var chunk = ids.subList(from, Math.min(ids.size(), from + 100)).toArray(String[]::new);
			for (HistoricDetail detail : historyService.createHistoricDetailQuery()
				.variableUpdates()
				.processInstanceIdIn(chunk)
				.disableCustomObjectDeserialization()
				.orderByTime()
				.asc()
				.orderPartiallyByOccurrence()
				.asc()
				.list()) {
				// a task's own variables are not the case's: gateways never see them
				if (detail instanceof HistoricVariableUpdate update && detail.getTaskId() == null) {
					updates.computeIfAbsent(detail.getProcessInstanceId(), k -> new ArrayList<>()).add(update);
				}
			}
		}
		return updates;
	}

	/** A case's variables as they were at a time: its updates applied up to then. */
	private static final class Recorded {

		private final List<HistoricVariableUpdate> updates;

		private final Map<String, Object> values = new HashMap<>();

		private int applied;

		Recorded(List<HistoricVariableUpdate> updates) {
			this.updates = updates;
		}

		Map<String, Object> at(Date time) {
			while (applied < updates.size() && (time == null || !updates.get(applied).getTime().after(time))) {
				var update = updates.get(applied++);
				Object value;
				try {
					value = update.getValue();
				}
				catch (RuntimeException ex) {
					value = null; // a serialized object the replay does not read
				}
				values.put(update.getVariableName(), value);
			}
			return values;
		}

	}

	/** Where a case parts from its path, or why it could not be decided. */
	private record Outcome(FlowNode partsAt, FlowNode at, List<FlowNode> took, List<FlowNode> wouldTake,
			String reason) {
	}

	/** A decision the replay cannot make, with its reason. */
	private static final class Undecided extends RuntimeException {

		private final transient FlowNode at;

		Undecided(FlowNode at, String reason) {
			super(reason, null, false, false);
			this.at = at;
		}

	}

	/** A sequence flow as the walk needs it. */
	private record Out(String id, FlowNode target, boolean conditional, String condition, String language) {
	}

	/** The draft, read once and walked for every case. */
	private final class Draft {

		private final String key;
		private final String processKey;
		private final BpmnModelInstance model;
		private final FlowNode start;
		private final Locale locale;
		private final Map<String, ValueExpression> parsed = new HashMap<>();
		private final Map<String, Object> decisions = new HashMap<>();
		private final Map<List<Object>, Object> results = new HashMap<>();
		private long deciding;
		private final Map<String, Step> steps = new HashMap<>();
		// the model API finds references by searching the document: the graph is read once, here
		private final Map<String, FlowNode> nodes = new HashMap<>();
		private final Map<String, List<Out>> outgoing = new HashMap<>();
		private final Map<String, String> defaults = new HashMap<>();
		private final Map<String, Set<String>> boundaries = new HashMap<>();
		private final Map<String, List<String[]>> outputs = new HashMap<>();

		Draft(String key, BpmnModelInstance model, Locale locale) {
			this.key = key;
			this.model = model;
			this.locale = locale;
			for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
				nodes.put(node.getId(), node);
				var outs = new ArrayList<Out>();
				for (SequenceFlow flow : node.getOutgoing()) {
					ConditionExpression condition = flow.getConditionExpression();
					outs.add(new Out(flow.getId(), flow.getTarget(), condition != null,
							condition == null ? null : condition.getTextContent(),
							condition == null ? null : condition.getLanguage()));
				}
				outgoing.put(node.getId(), outs);
				if (node instanceof ExclusiveGateway g && g.getDefault() != null) {
					defaults.put(node.getId(), g.getDefault().getId());
				}
				if (node instanceof InclusiveGateway g && g.getDefault() != null) {
					defaults.put(node.getId(), g.getDefault().getId());
				}
				if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
					boundaries.computeIfAbsent(boundary.getAttachedTo().getId(), k -> new HashSet<>()).add(node.getId());
				}
			}
			Process process = model.getModelElementsByType(Process.class)
				.stream()
				.filter(Process::isExecutable)
				.findFirst()
				.or(() -> model.getModelElementsByType(Process.class).stream().findFirst())
				.orElseThrow(() -> new InvalidInputException("content", "holds no process"));
			this.processKey = process.getId();
			this.start = process.getChildElementsByType(StartEvent.class)
				.stream()
				.filter(e -> e.getEventDefinitions().isEmpty())
				.findFirst()
				.or(() -> process.getChildElementsByType(StartEvent.class).stream().findFirst())
				.orElseThrow(() -> new InvalidInputException("content", "the process has no start event"));
		}

		Step step(FlowNode node) {
			return steps.computeIfAbsent(node.getId(), id -> new Step(id,
					texts.stepName(key, id, node.getName() == null || node.getName().isBlank() ? id : node.getName(),
							locale)));
		}

		/** Steps as the page lists them: the named ones (a gateway that only joins flows says nothing). */
		List<Step> shown(List<FlowNode> nodes) {
			return nodes.stream()
				.filter(n -> !(n instanceof Gateway) || (n.getName() != null && !n.getName().isBlank()))
				.map(this::step)
				.toList();
		}

		Outcome walk(List<Taken> trail, Recorded recorded) {
			var overlay = new HashMap<String, Object>();
			FlowNode node = start;
			FlowNode previous = null;
			int k = 0;
			try {
				for (int steps = 0; steps < MAX_STEPS; steps++) {
					if (k >= trail.size() || !trail.get(k).activityId().equals(node.getId())) {
						if (previous == null) {
							return new Outcome(null, node, List.of(), List.of(),
									"the case did not start at " + node.getId() + " of the draft");
						}
						return parted(previous, node, trail, k, recorded, overlay);
					}
					Date at = trail.get(k).at();
					String nextTaken = k + 1 < trail.size() ? trail.get(k + 1).activityId() : null;
					FlowNode next = next(node, variables(recorded.at(at), overlay), overlay, nextTaken);
					if (next == null) {
						if (k + 1 < trail.size()) {
							return new Outcome(node, null, taken(trail, k + 1, trail.size()), List.of(), null);
						}
						return new Outcome(null, null, List.of(), List.of(), null);
					}
					previous = node;
					node = next;
					k++;
				}
				return new Outcome(null, node, List.of(), List.of(), "the walk did not end after " + MAX_STEPS + " steps");
			}
			catch (Undecided undecided) {
				return new Outcome(null, undecided.at, List.of(), List.of(), undecided.getMessage());
			}
		}

		/**
		 * The case left the draft after {@code partsAt}: the draft would go to {@code first}. The
		 * draft is walked on from there with the variables of that moment until it meets the
		 * case's path again, ends, or cannot decide.
		 */
		private Outcome parted(FlowNode partsAt, FlowNode first, List<Taken> trail, int k, Recorded recorded,
				Map<String, Object> overlay) {
			var would = new ArrayList<FlowNode>();
			var rest = trail.subList(k, trail.size()).stream().map(Taken::activityId).toList();
			FlowNode node = first;
			int meets = -1;
			Map<String, Object> now = variables(recorded.at(k < trail.size() ? trail.get(k).at() : null), overlay);
			while (node != null && would.size() < MAX_CONTINUATION) {
				would.add(node);
				meets = rest.indexOf(node.getId());
				if (meets >= 0) {
					break;
				}
				try {
					node = next(node, now, overlay, null);
				}
				catch (Undecided undecided) {
					break;
				}
			}
			int until = meets >= 0 ? k + meets + 1 : trail.size();
			return new Outcome(partsAt, null, taken(trail, k, until), would, null);
		}

		private List<FlowNode> taken(List<Taken> trail, int from, int to) {
			var path = new ArrayList<FlowNode>();
			for (Taken taken : trail.subList(from, to)) {
				FlowNode node = nodes.get(taken.activityId());
				path.add(node != null ? node : missing(taken.activityId()));
			}
			return path;
		}

		/** A step the case took that the draft no longer has: shown by its id. */
		private FlowNode missing(String id) {
			try {
				return model.newInstance(org.camunda.bpm.model.bpmn.instance.Task.class, id);
			}
			catch (RuntimeException taken) {
				// the id names another kind of element in the draft: shown by a generated id
				return model.newInstance(org.camunda.bpm.model.bpmn.instance.Task.class);
			}
		}

		private Map<String, Object> variables(Map<String, Object> recorded, Map<String, Object> overlay) {
			if (overlay.isEmpty()) {
				return recorded;
			}
			var merged = new HashMap<>(recorded);
			merged.putAll(overlay);
			return merged;
		}

		/** Where the draft goes from {@code node} with these variables; {@code null} at an end. */
		private FlowNode next(FlowNode node, Map<String, Object> variables, Map<String, Object> overlay,
				String nextTaken) {
			if (node instanceof EndEvent) {
				return null;
			}
			if (node instanceof BusinessRuleTask task) {
				decide(task, variables, overlay);
				variables = variables(variables, overlay);
			}
			if (nextTaken != null && !(node instanceof Gateway)) {
				// an interrupting boundary event the case met (a timer) takes it off the flow, as it did
				if (boundaries.getOrDefault(node.getId(), Set.of()).contains(nextTaken)) {
					return nodes.get(nextTaken);
				}
			}
			var outgoing = this.outgoing.getOrDefault(node.getId(), List.of());
			if (outgoing.isEmpty()) {
				return null;
			}
			if (node instanceof ExclusiveGateway || node instanceof InclusiveGateway
					|| outgoing.stream().anyMatch(Out::conditional)) {
				String defaultFlow = defaults.get(node.getId());
				var chosen = new ArrayList<FlowNode>();
				FlowNode fallback = null;
				for (Out flow : outgoing) {
					if (flow.id().equals(defaultFlow)) {
						fallback = flow.target();
						continue;
					}
					if (!flow.conditional()) {
						chosen.add(flow.target());
					}
					else if (holds(node, flow, variables)) {
						chosen.add(flow.target());
						if (node instanceof ExclusiveGateway) {
							break;
						}
					}
				}
				if (chosen.isEmpty() && fallback != null) {
					return fallback;
				}
				if (chosen.isEmpty()) {
					throw new Undecided(node, "no outgoing condition holds and there is no default flow");
				}
				return chosen.stream().filter(n -> n.getId().equals(nextTaken)).findFirst().orElse(chosen.get(0));
			}
			// parallel and event-based gateways, several unconditional flows: the path the case took, if the draft has it
			return outgoing.stream()
				.map(Out::target)
				.filter(n -> n.getId().equals(nextTaken))
				.findFirst()
				.orElse(outgoing.get(0).target());
		}

		private boolean holds(FlowNode node, Out flow, Map<String, Object> variables) {
			String language = flow.language();
			if (language != null && !language.isBlank() && !"juel".equalsIgnoreCase(language)) {
				throw new Undecided(node, "the condition of " + flow.id() + " is a script (" + language + ")");
			}
			Object value = evaluate(node, flow.id(), flow.condition(), variables);
			if (value instanceof Boolean bool) {
				return bool;
			}
			throw new Undecided(node, "the condition of " + flow.id() + " is not true or false but " + value);
		}

		private Object evaluate(FlowNode node, String where, String text, Map<String, Object> variables) {
			if (text == null || text.isBlank()) {
				throw new Undecided(node, where + " has an empty expression");
			}
			try {
				ValueExpression expression = parsed.computeIfAbsent(text.strip(), expressions::createValueExpression);
				VariableMap context = Variables.fromMap(variables);
				return expression.getValue(expressions.createElContext(context.asVariableContext()));
			}
			catch (Undecided undecided) {
				throw undecided;
			}
			catch (RuntimeException ex) {
				throw new Undecided(node, where + ": " + text.strip() + " cannot be evaluated: " + reason(ex));
			}
		}

		/** Evaluates the task's decision and maps its result as the engine would. */
		private void decide(BusinessRuleTask task, Map<String, Object> variables, Map<String, Object> overlay) {
			String decisionKey = task.getCamundaDecisionRef();
			if (decisionKey == null || decisionKey.isBlank() || decisionKey.contains("${")) {
				throw new Undecided(task, "the task names no fixed decision");
			}
			Object found = decisions.computeIfAbsent(decisionKey, k -> {
				try {
					return decision(k);
				}
				catch (RuntimeException ex) {
					return ex;
				}
			});
			if (found instanceof RuntimeException ex) {
				throw new Undecided(task, "the decision " + decisionKey + " cannot be read: " + reason(ex));
			}
			var decision = (Decision) found;
			// cases with the same values of what the decision may read get the same answer: evaluated once
			var inputs = new java.util.TreeMap<String, Object>();
			variables.forEach((name, value) -> {
				if (decision.names().contains(name)) {
					inputs.put(name, value);
				}
			});
			List<Object> cacheKey = List.of(decisionKey, inputs);
			Object evaluated = results.computeIfAbsent(cacheKey, k -> {
				long before = System.nanoTime();
				try {
					return dmn().evaluateDecision(decision.decision(), Variables.fromMap(variables));
				}
				catch (RuntimeException ex) {
					return ex;
				}
				finally {
					deciding += System.nanoTime() - before;
				}
			});
			if (evaluated instanceof RuntimeException ex) {
				throw new Undecided(task, "the decision " + decisionKey + " fails: " + reason(ex));
			}
			DmnDecisionResult result = (DmnDecisionResult) evaluated;
			// the outputs as variables: a mapping below reads them, and so do later gateways
			result.stream().findFirst().ifPresent(overlay::putAll);
			String resultVariable = task.getCamundaResultVariable();
			if (resultVariable != null && !resultVariable.isBlank()) {
				String mapping = task.getCamundaMapDecisionResult();
				try {
					overlay.put(resultVariable, switch (mapping == null ? "resultList" : mapping) {
						case "singleEntry" -> result.getSingleEntry();
						case "singleResult" -> result.getSingleResult() == null ? null
								: new LinkedHashMap<>(result.getSingleResult().getEntryMap());
						case "collectEntries" -> result.stream().map(r -> (Object) r.getSingleEntry()).toList();
						default -> result.stream().map(r -> (Object) new LinkedHashMap<>(r.getEntryMap())).toList();
					});
				}
				catch (RuntimeException ex) {
					throw new Undecided(task, "the result of " + decisionKey + " does not fit " + mapping + ": " + reason(ex));
				}
			}
			var mappings = outputs.computeIfAbsent(task.getId(), id -> outputParameters(task));
			if (!mappings.isEmpty()) {
				var scope = new HashMap<>(variables(variables, overlay));
				scope.put("decisionResult", result);
				for (String[] output : mappings) {
					if (output[1] == null) {
						throw new Undecided(task, "the output " + output[0] + " is not an expression");
					}
					overlay.put(output[0], evaluate(task, output[0], output[1], scope));
				}
			}
		}

		/** The task's output mappings: name and expression (no expression: a list, map or script). */
		private List<String[]> outputParameters(BusinessRuleTask task) {
			var found = new ArrayList<String[]>();
			if (task.getExtensionElements() == null) {
				return found;
			}
			for (CamundaInputOutput io : task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
				for (CamundaOutputParameter output : io.getCamundaOutputParameters()) {
					found.add(new String[] { output.getCamundaName(), output.getValue() != null ? null : output.getTextContent() });
				}
			}
			return found;
		}

	}

	private static String reason(Throwable ex) {
		String message = ex.getMessage();
		return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
	}

	/** The case's title and page, as its module describes it to this caller; else its process and key. */
	private String[] label(Caller caller, String key, HistoricProcessInstance instance) {
		String businessKey = instance.getBusinessKey();
		if (businessKey != null) {
			for (CaseContextProvider provider : caseProviders) {
				if (!provider.supports(instance.getProcessDefinitionKey())) {
					continue;
				}
				var described = provider.describe(instance.getProcessDefinitionKey(), businessKey, caller.userId());
				if (described.isPresent()) {
					return new String[] { described.get().title(), described.get().link() };
				}
				String customer = provider.customerNames(instance.getProcessDefinitionKey(), List.of(businessKey))
					.get(businessKey);
				if (customer != null) {
					return new String[] { "#" + businessKey + " " + customer, null };
				}
			}
		}
		return new String[] { businessKey != null ? "#" + businessKey : instance.getId(), null };
	}

}
