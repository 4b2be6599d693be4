package dev.lodestar.modeling;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import dev.lodestar.system.ProcessApi;

/**
 * The allow-list of what a model's expressions may reach: the beans and methods marked
 * {@link ProcessApi}, a few read-only calls on the engine's {@code execution} and {@code task}
 * ({@code getVariable}, {@code processBusinessKey}, ...), and read-only calls on values
 * (a list's {@code isEmpty()}, a date's {@code plusDays(2)}, a decision result's
 * {@code getSingleResult()}). The deployment check ({@link ModelRules}) and the engine's
 * expressions at run time ({@link GuardedExpressionManager}) both ask here.
 */
@Component
class ProcessApis {

	/** The functions Camunda offers to expressions; none reaches beyond the caller and the clock. */
	static final Set<String> FUNCTIONS = Set.of("dateTime", "now", "currentUser", "currentUserGroups");

	private static final Set<String> VARIABLES = Set.of("getVariable", "getVariableLocal", "hasVariable",
			"hasVariableLocal", "getVariableTyped", "getVariableLocalTyped");

	/** What a model may ask of {@code execution}: its variables and where it stands, nothing more. */
	static final Set<String> EXECUTION = union(VARIABLES,
			Set.of("getId", "getProcessInstanceId", "getProcessBusinessKey", "getBusinessKey",
					"getProcessDefinitionId", "getCurrentActivityId", "getCurrentActivityName",
					"getActivityInstanceId", "getEventName", "getTenantId"));

	/** What a model may ask of {@code task}. */
	static final Set<String> TASK = union(VARIABLES,
			Set.of("getId", "getName", "getDescription", "getAssignee", "getOwner", "getTaskDefinitionKey",
					"getEventName", "getPriority", "getDueDate", "getFollowUpDate", "getCreateTime",
					"getProcessInstanceId", "getExecutionId", "getProcessDefinitionId", "getTenantId"));

	private static final Set<String> COLLECTION = Set.of("isEmpty", "size", "contains");

	private static final Set<String> MAP = Set.of("isEmpty", "size", "containsKey", "get");

	private static final Set<String> STRING = Set.of("isEmpty", "isBlank", "length", "contains", "startsWith",
			"endsWith", "equals", "equalsIgnoreCase", "toLowerCase", "toUpperCase", "trim");

	private static final Set<String> DECISION = Set.of("getSingleResult", "getFirstResult", "getResultList",
			"getSingleEntry", "collectEntries", "isEmpty", "size");

	private static final Set<String> DECISION_ENTRIES = Set.of("getSingleEntry", "getFirstEntry", "getEntry",
			"get", "containsKey", "isEmpty", "size");

	private static final Pattern DATE_TIME = Pattern
		.compile("(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds|Millis)|toDate|isBefore|isAfter"
				+ "|isBeforeNow|isAfterNow|withTimeAtStartOfDay");

	private static final Set<String> DATE = Set.of("before", "after", "getTime");

	/** Every read-only method name on a value, whatever its type (what the check can know). */
	static final Set<String> VALUE_METHODS = union(COLLECTION, MAP, STRING, DECISION, DECISION_ENTRIES, DATE,
			Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays", "plusHours", "plusMinutes", "plusSeconds",
					"plusMillis", "minusYears", "minusMonths", "minusWeeks", "minusDays", "minusHours",
					"minusMinutes", "minusSeconds", "minusMillis", "toDate", "isBefore", "isAfter", "isBeforeNow",
					"isAfterNow", "withTimeAtStartOfDay"));

	private final ListableBeanFactory beans;

	private volatile Map<String, Class<?>> open;

	private volatile Set<String> delegates;

	ProcessApis(ListableBeanFactory beans) {
		this.beans = beans;
	}

	// ---- beans: by name (the check, the resolver of names) -----------------------------------

	/** Whether a model may name the bean: it is a delegate, or it has methods for processes. */
	boolean isOpen(String beanName) {
		return open().containsKey(beanName);
	}

	/** Whether {@code beanName} is a bean of the application that is not open to models. */
	boolean isClosedBean(String beanName) {
		return !isOpen(beanName) && beans.containsBean(beanName);
	}

	Object bean(String beanName) {
		return isOpen(beanName) ? beans.getBean(beanName) : null;
	}

	boolean mayCall(String beanName, String method) {
		Class<?> type = open().get(beanName);
		return type != null && annotated(type, method) != null;
	}

	boolean mayRead(String beanName, String property) {
		Class<?> type = open().get(beanName);
		return type != null && getter(type, property) != null;
	}

	/** Whether {@code className} is one of Lodestar's delegates, for {@code camunda:class}. */
	static boolean isOpenClass(String className) {
		if (!className.startsWith("dev.lodestar.")) {
			return false;
		}
		try {
			Class<?> type = Class.forName(className, false, ProcessApis.class.getClassLoader());
			return AnnotatedElementUtils.hasAnnotation(type, ProcessApi.class);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/** One line of the allow-list as the workspace page shows it. */
	record Entry(String bean, boolean delegate, List<String> methods) {
	}

	private volatile List<Entry> entries;

	/** The open beans with their methods for processes; the beans are fixed at start-up, so worked out once. */
	List<Entry> entries() {
		List<Entry> found = entries;
		if (found == null) {
			found = List.copyOf(findEntries());
			entries = found;
		}
		return found;
	}

	private List<Entry> findEntries() {
		var entries = new ArrayList<Entry>();
		open().forEach((name, type) -> {
			var methods = new TreeSet<String>();
			for (Method method : type.getMethods()) {
				if (AnnotatedElementUtils.hasAnnotation(method, ProcessApi.class)) {
					methods.add(signature(method));
				}
			}
			entries.add(new Entry(name, delegates().contains(name), List.copyOf(methods)));
		});
		return entries;
	}

	private static String signature(Method method) {
		var names = Arrays.stream(method.getParameters())
			.map(p -> p.isNamePresent() ? p.getName() : p.getType().getSimpleName())
			.toList();
		return method.getName() + "(" + String.join(", ", names) + ")";
	}

	private Map<String, Class<?>> open() {
		if (open == null) {
			synchronized (this) {
				if (open == null) {
					var found = new TreeMap<String, Class<?>>();
					var named = new TreeSet<String>();
					for (String name : beans.getBeanDefinitionNames()) {
						Class<?> type = beans.getType(name, false);
						if (type == null) {
							continue;
						}
						type = ClassUtils.getUserClass(type);
						boolean delegate = beans.findAnnotationOnBean(name, ProcessApi.class, false) != null;
						if (delegate || hasOpenMethods(type)) {
							found.put(name, type);
						}
						if (delegate) {
							named.add(name);
						}
					}
					delegates = Set.copyOf(named);
					open = Map.copyOf(found);
				}
			}
		}
		return open;
	}

	private Set<String> delegates() {
		open();
		return delegates;
	}

	private static boolean hasOpenMethods(Class<?> type) {
		if (!type.getName().startsWith("dev.lodestar.")) {
			return false;
		}
		for (Method method : type.getMethods()) {
			if (AnnotatedElementUtils.hasAnnotation(method, ProcessApi.class)) {
				return true;
			}
		}
		return false;
	}

	// ---- objects at run time (the resolver) ----------------------------------------------------

	/** Whether a model may call {@code method} on {@code target}, an object met while evaluating. */
	static boolean mayCall(Object target, String method) {
		if (annotated(ClassUtils.getUserClass(target), method) != null) {
			return true;
		}
		if (target instanceof DelegateTask) {
			return TASK.contains(method);
		}
		if (target instanceof DelegateExecution) {
			return EXECUTION.contains(method);
		}
		if (target instanceof VariableScope) {
			return VARIABLES.contains(method);
		}
		if (target instanceof DmnDecisionResult) {
			return DECISION.contains(method);
		}
		if (target instanceof DmnDecisionResultEntries) {
			return DECISION_ENTRIES.contains(method);
		}
		if (target instanceof Collection<?>) {
			return COLLECTION.contains(method);
		}
		if (target instanceof Map<?, ?>) {
			return MAP.contains(method);
		}
		if (target instanceof String) {
			return STRING.contains(method);
		}
		if (target instanceof Date) {
			return DATE.contains(method);
		}
		if (target.getClass().getName().startsWith("org.joda.time.")) {
			return DATE_TIME.matcher(method).matches();
		}
		return false;
	}

	/** Whether a model may read {@code property} of {@code target}: its getter may be called. */
	static boolean mayRead(Object target, String property) {
		if (property.isEmpty() || "class".equals(property)) {
			return false;
		}
		String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		return mayCall(target, "get" + capitalised) || mayCall(target, "is" + capitalised);
	}

	/** The name of the getter the check finds for {@code property}, when {@code allowed} has it. */
	static boolean readsAllowedGetter(Set<String> allowed, String property) {
		if (property.isEmpty() || "class".equals(property)) {
			return false;
		}
		String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		return allowed.contains("get" + capitalised) || allowed.contains("is" + capitalised);
	}

	private static Method annotated(Class<?> type, String name) {
		if (!type.getName().startsWith("dev.lodestar.")) {
			return null;
		}
		for (Method method : type.getMethods()) {
			if (method.getName().equals(name) && !Modifier.isStatic(method.getModifiers())
					&& AnnotatedElementUtils.hasAnnotation(method, ProcessApi.class)) {
				return method;
			}
		}
		return null;
	}

	private static Method getter(Class<?> type, String property) {
		if (property.isEmpty() || "class".equals(property)) {
			return null;
		}
		String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		Method getter = annotated(type, "get" + capitalised);
		return getter != null ? getter : annotated(type, "is" + capitalised);
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		var all = new TreeSet<String>();
		for (Set<String> set : sets) {
			all.addAll(set);
		}
		return Set.copyOf(all);
	}

}
