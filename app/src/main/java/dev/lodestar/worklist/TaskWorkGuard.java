package dev.lodestar.worklist;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.ExecutionQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lodestar.system.ConcurrentChange;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.InvalidInputException.FieldError;
import jakarta.ws.rs.core.Response.Status;

/**
 * The engine's own guard on task work, for every user task of every process, whatever API the
 * work comes through (Lodestar's, {@code /engine-rest}, Camunda Tasklist):
 * <ul>
 * <li><b>complete</b>: a completion may set only the variables its task's Camunda Form declares
 * as editable fields, each of the field's type and within its limits (see
 * {@link FormValidator#check}); a read-only field may be passed back only with the value it had
 * before the command; anything else refuses the completion. Camunda's {@code TASK_WORK} lets a
 * worker pass any variable with {@code complete}; this is what stops a worker from writing the
 * variables that steer the process.</li>
 * <li><b>resolve, BPMN error, BPMN escalation</b> of a user task: Camunda lets whoever may work
 * a task do these too ({@code TASK_WORK}), each with variables of the caller's choosing, and
 * none of them fires the complete event that the check above listens to. Lodestar's processes
 * use neither delegation nor error or escalation events on user tasks, so these commands are
 * {@code camunda-admin}'s only (403 for everybody else).</li>
 * <li><b>assignment</b> through an assigning command (claim, set assignee, delegate, save): the
 * new assignee must be a known user and a member of one of the task's candidate groups (or a
 * candidate user); handing the task to somebody else is for managers of one of those groups
 * (see {@link WorklistSettings#managedRoles()}) and for {@code camunda-admin}; an identity link
 * of type {@code assignee} is an assignment too.</li>
 * <li><b>who may work it</b>: adding or removing a candidate user or the owner follows the rule
 * of assignment (a manager of one of the task's roles or {@code camunda-admin}; only a member of
 * one of the roles becomes one); the task's candidate groups are its model's (see
 * {@link #checkLinkChange}).</li>
 * <li><b>somebody else's claim</b>: a task claimed by one user is completed by her only (409 for
 * anybody else but {@code camunda-admin}), and a completion of a task that another completion
 * ended a moment ago is a 409 too.</li>
 * </ul>
 * Refusals are {@link InvalidInputException}s (400 with the field), {@link ConflictException}s
 * (409) and {@link AuthorizationException}s (403), which the engine wraps and Lodestar's error
 * mappings unwrap on every API; the guard's command interceptor hands them to Camunda's own REST
 * API (Tasklist's {@code /camunda/api/engine}) in the shapes it answers with the same statuses.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TaskWorkGuard extends AbstractProcessEnginePlugin {

	private static final String ADMIN = "camunda-admin";

	/**
	 * The task whose work {@link WorklistService} is passing to the engine right now, on this
	 * thread, after checking the same (the caller's role, the assignee, the form's values): the
	 * guard does not read the form and the memberships a second time for it. Only the door sets
	 * it, for the one call; every other path (/engine-rest, Tasklist) is checked here.
	 */
	private static final ThreadLocal<String> CHECKED_BY_THE_DOOR = new ThreadLocal<>();

	static void checkedByTheDoor(String taskId, Runnable work) {
		String outer = CHECKED_BY_THE_DOOR.get();
		CHECKED_BY_THE_DOOR.set(taskId);
		try {
			work.run();
		}
		finally {
			if (outer == null) {
				CHECKED_BY_THE_DOOR.remove();
			}
			else {
				CHECKED_BY_THE_DOOR.set(outer);
			}
		}
	}

	private static boolean checkedByTheDoor(DelegateTask task) {
		return task.getId().equals(CHECKED_BY_THE_DOOR.get());
	}

	private final ObjectProvider<FormSchemas> forms;
	private final ObjectProvider<IdentityService> identities;
	private final ObjectProvider<WorklistSettings> settings;

	TaskWorkGuard(ObjectProvider<FormSchemas> forms, ObjectProvider<IdentityService> identities,
			ObjectProvider<WorklistSettings> settings) {
		this.forms = forms;
		this.identities = identities;
		this.settings = settings;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		// inside the command context (after the engine's own interceptors), before the command runs
		if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommandGuard());
		if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new CommandGuard());
		// outside the command context: a conflict found when the engine flushes (a second claim or
		// completion of one task at the same moment) reaches Tasklist's API as a 409, not a 500
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new FlushConflicts());
		TaskListener completion = this::checkCompletion;
		TaskListener assignment = this::checkAssignment;
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				// built-in listeners run before the model's own, so no module sees a refused value
				definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completion);
				definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignment);
			}
		});
	}

	// ---- complete -------------------------------------------------------------------------

	void checkCompletion(DelegateTask task) {
		Map<String, Object> submitted = submittedVariables();
		if (submitted.isEmpty() || checkedByTheDoor(task)) {
			return;
		}
		var form = Context.getCommandContext()
			.runWithoutAuthorization(() -> forms.getObject().forTask(task.getId(), null));
		Map<String, FormSchema.Field> fields = form.map(f -> f.fields()
			.stream()
			.collect(Collectors.toMap(FormSchema.Field::key, f2 -> f2, (a, b) -> a)))
			.orElse(Map.of());
		List<FieldError> errors = new ArrayList<>();
		submitted.forEach((name, raw) -> {
			Object value = raw instanceof TypedValue typed ? typed.getValue() : raw;
			FormSchema.Field field = fields.get(name);
			if (field == null) {
				errors.add(new FieldError(name, "is not a field of this task's form; a completion may not set it"));
			}
			else if (!field.editable()) {
				if (!keeps(task, name, value)) {
					errors.add(new FieldError(name, "is read-only in this task's form"));
				}
			}
			else if (value != null && !(value instanceof String s && s.isEmpty())) {
				String problem = FormValidator.check(field, value);
				if (problem != null) {
					errors.add(new FieldError(name, describe(problem, field)));
				}
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * The value a variable had before the running command: the command sets the submitted
	 * variables before the complete listeners run, so the task's own {@code getVariable} would
	 * only give the submitted value back.
	 */
	private static boolean keeps(DelegateTask task, String name, Object submitted) {
		for (Before before : BEFORE.get()) {
			if (before.taskId().equals(task.getId())) {
				return sameValue(submitted, before.values().get(name));
			}
		}
		return false; // not read before the command: refuse rather than guess
	}

	/** Numbers by value (a form submits 5000 where the case holds 5000.0); everything else equal. */
	static boolean sameValue(Object submitted, Object before) {
		if (submitted instanceof Number a && before instanceof Number b) {
			BigDecimal x = dev.lodestar.system.FormValues.decimalOrNull(a);
			BigDecimal y = dev.lodestar.system.FormValues.decimalOrNull(b);
			return x != null && y != null ? x.compareTo(y) == 0 : a.doubleValue() == b.doubleValue();
		}
		return Objects.equals(submitted, before);
	}

	/** The variables that the running command (complete, or Tasklist's submit-form) passes. */
	private static Map<String, Object> submittedVariables() {
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		return invocation == null ? Map.of() : new HashMap<>(submittedVariables(invocation.getCommand()));
	}

	private static Map<String, Object> submittedVariables(Command<?> command) {
		String field = command instanceof CompleteTaskCmd ? "variables"
				: command instanceof SubmitTaskFormCmd ? "properties" : null;
		@SuppressWarnings("unchecked")
		Map<String, Object> variables = field == null ? null : (Map<String, Object>) read(command, field);
		return variables == null ? Map.of() : variables;
	}

	private static Object read(Object command, String name) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("no field " + name + " in " + command.getClass());
	}

	private static String describe(String problem, FormSchema.Field field) {
		return switch (problem) {
			case "boolean" -> "must be true or false";
			case "number" -> "must be a number";
			case "range" -> "must be between -" + (long) FormValidator.LARGEST_NUMBER + " and "
					+ (long) FormValidator.LARGEST_NUMBER;
			case "min" -> "must be at least " + field.min();
			case "max" -> "must be at most " + (field.max() != null ? field.max() : FormValidator.LARGEST_NUMBER);
			case "text" -> "must be text";
			case "option" -> "must be one of " + field.options();
			case "nul" -> "must not contain a NUL character";
			case "longestText" -> "must have at most " + FormValidator.LONGEST_TEXT + " characters";
			case "maxLength" -> "must have at most " + field.maxLength() + " characters";
			case "minLength" -> "must have at least " + field.minLength() + " characters";
			case "date" -> "must be a date that exists, such as 2030-02-28";
			default -> "does not have the expected format";
		};
	}

	// ---- assignment -----------------------------------------------------------------------

	/** Commands that set an assignee; an identity link of type {@code assignee} does too. */
	private static final Set<Class<?>> ASSIGNING = Set.of(AssignTaskCmd.class, ClaimTaskCmd.class,
			DelegateTaskCmd.class, SaveTaskCmd.class, AddUserIdentityLinkCmd.class);

	void checkAssignment(DelegateTask task) {
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		Command<?> command = invocation == null ? null : invocation.getCommand();
		String assignee = task.getAssignee();
		if (command == null || !ASSIGNING.contains(command.getClass()) || assignee == null) {
			return; // the model's own assignment (an expression, a role's strategy) or giving back
		}
		if (checkedByTheDoor(task)) {
			return;
		}
		if (!knownUser(assignee)) {
			throw new InvalidInputException("assignee", "is not a known user");
		}
		Authentication actor = Context.getCommandContext().getAuthentication();
		List<String> actorGroups = actor == null || actor.getGroupIds() == null ? List.of() : actor.getGroupIds();
		if (actorGroups.contains(ADMIN)) {
			return;
		}
		List<String> roles = new ArrayList<>();
		boolean candidateUser = false;
		for (IdentityLink link : task.getCandidates()) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getGroupId() != null) {
				roles.add(link.getGroupId());
			}
			else if (assignee.equals(link.getUserId())) {
				candidateUser = true;
			}
		}
		if (roles.isEmpty() && !candidateUser) {
			return; // a task for named people only: Camunda's TASK_ASSIGN decides
		}
		boolean member = candidateUser || memberOfAny(assignee, roles);
		if (!member) {
			throw new InvalidInputException("assignee", assignee + " is not a member of the task's roles " + roles);
		}
		if (actor != null && !assignee.equals(actor.getUserId())) {
			boolean manages = actorGroups.stream()
				.flatMap(group -> settings.getObject().managedRoles().getOrDefault(group, List.of()).stream())
				.anyMatch(roles::contains);
			if (!manages) {
				throw new org.camunda.bpm.engine.AuthorizationException(
						"Only a manager of the task's roles " + roles + " may hand it to somebody else.");
			}
		}
	}

	// ---- who may work a task: candidates, owner, somebody else's claim ---------------------

	/**
	 * A change of a task's candidate users or groups, or of its owner (who gets the same
	 * permission on it as a candidate): through an identity link ({@code /task/{id}/identity-links},
	 * {@code addCandidateUser}, {@code setOwner}) or by saving the task with another owner.
	 */
	private record LinkChange(String taskId, String userId, String groupId, boolean adding) {
	}

	private static LinkChange linkChange(Command<?> command) {
		if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
			if (IdentityLinkType.ASSIGNEE.equals(read(command, "type"))) {
				return null; // an assignment: the assignment listener judges it; giving back needs TASK_ASSIGN
			}
			return new LinkChange((String) read(command, "taskId"), (String) read(command, "userId"),
					(String) read(command, "groupId"), command instanceof AbstractAddIdentityLinkCmd);
		}
		if (command instanceof SaveTaskCmd save) {
			TaskEntity changed = (TaskEntity) read(save, "task");
			if (changed == null || changed.getId() == null || changed.getRevision() == 0) {
				return null; // a new task: Camunda's CREATE permission decides
			}
			TaskEntity stored = Context.getCommandContext().getTaskManager().findTaskById(changed.getId());
			if (stored == null || Objects.equals(stored.getOwner(), changed.getOwner())) {
				return null;
			}
			return changed.getOwner() == null ? new LinkChange(changed.getId(), stored.getOwner(), null, false)
					: new LinkChange(changed.getId(), changed.getOwner(), null, true);
		}
		return null;
	}

	/**
	 * Who may work a task is the model's and the managers' business, as with assignment: only a
	 * manager of one of the task's roles ({@link WorklistSettings#managedRoles()}) and
	 * {@code camunda-admin} add or remove a candidate user or an owner (403 for everybody else,
	 * although Camunda lets anyone with {@code TASK_ASSIGN} do it), and only a member of one of
	 * the task's roles becomes one (400). A task's roles themselves come from its model: adding a
	 * candidate group that is not already a role of the task is refused (400), removing one is
	 * {@code camunda-admin}'s only (403).
	 */
	void checkLinkChange(Command<?> command) {
		LinkChange change = linkChange(command);
		if (change == null || change.taskId() == null || change.taskId().equals(CHECKED_BY_THE_DOOR.get())) {
			return;
		}
		Authentication actor = Context.getCommandContext().getAuthentication();
		if (actor == null || groupsOf(actor).contains(ADMIN)) {
			return; // the engine's own work, or the administrator
		}
		TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(change.taskId());
		if (task == null) {
			return; // the command itself says that the task does not exist
		}
		List<String> roles = task.getCandidates()
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		List<String> managed = groupsOf(actor).stream()
			.flatMap(group -> settings.getObject().managedRoles().getOrDefault(group, List.of()).stream())
			.filter(roles::contains)
			.toList();
		if (managed.isEmpty()) {
			throw new AuthorizationException("Only a manager of the task's roles " + roles
					+ " may change who may work it (its candidates and owner).");
		}
		if (change.groupId() != null) {
			if (!change.adding()) {
				throw new AuthorizationException("A task's roles " + roles
						+ " come from its model: only camunda-admin removes one.");
			}
			if (!managed.contains(change.groupId())) {
				throw new InvalidInputException("groupId", change.groupId() + " is not one of the task's roles " + roles);
			}
			return;
		}
		if (!change.adding() || change.userId() == null) {
			return; // a manager narrows who may work the task
		}
		if (!knownUser(change.userId())) {
			throw new InvalidInputException("userId", "is not a known user");
		}
		if (!memberOfAny(change.userId(), roles)) {
			throw new InvalidInputException("userId", change.userId() + " is not a member of the task's roles " + roles);
		}
	}

	/**
	 * A task that somebody has claimed is hers to complete: anybody else's completion is a
	 * conflict (409), as on Lodestar's own API, whoever it comes from but {@code camunda-admin}.
	 * So is completing a task that another completion ended a moment ago.
	 */
	private void checkNotClaimedByAnother(String taskId) {
		if (taskId == null || taskId.equals(CHECKED_BY_THE_DOOR.get())) {
			return;
		}
		Authentication actor = Context.getCommandContext().getAuthentication();
		if (actor == null || actor.getUserId() == null || groupsOf(actor).contains(ADMIN)) {
			return;
		}
		var commandContext = Context.getCommandContext();
		TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
		if (task == null) {
			boolean ended = commandContext.runWithoutAuthorization(() -> EndedTasks.endedAndWasVisibleTo(
					commandContext.getProcessEngineConfiguration().getHistoryService(), taskId, actor.getUserId(),
					groupsOf(actor)));
			if (ended) {
				throw new ConflictException("task " + taskId + " was completed by somebody else a moment ago");
			}
			return; // the command itself says that the task does not exist
		}
		if (task.getAssignee() != null && !task.getAssignee().equals(actor.getUserId())) {
			throw new ConflictException("task " + taskId + " is claimed by " + task.getAssignee()
					+ "; only she completes it");
		}
	}

	/**
	 * Whether the user exists, and her roles: asked of the user store as such, not as the acting
	 * user (whose authorizations need not let her read every colleague's user and groups).
	 */
	private boolean knownUser(String userId) {
		IdentityService identity = identities.getObject();
		return Context.getCommandContext()
			.runWithoutAuthorization(() -> identity.createUserQuery().userId(userId).count() > 0);
	}

	private boolean memberOfAny(String userId, List<String> roles) {
		IdentityService identity = identities.getObject();
		return Context.getCommandContext()
			.runWithoutAuthorization(() -> identity.createGroupQuery()
				.groupMember(userId)
				.list()
				.stream()
				.anyMatch(group -> roles.contains(group.getId())));
	}

	private static List<String> groupsOf(Authentication actor) {
		return actor.getGroupIds() == null ? List.of() : actor.getGroupIds();
	}

	// ---- before the command: what Camunda's TASK_WORK allows beyond completing -------------

	/** Commands that end or move a user task with variables, without its complete event. */
	private static final Set<Class<?>> ADMINS_ONLY = Set.of(ResolveTaskCmd.class, HandleTaskBpmnErrorCmd.class,
			HandleTaskEscalationCmd.class);

	/** The values of the submitted variables as they were before each running completion. */
	private static final ThreadLocal<Deque<Before>> BEFORE = ThreadLocal.withInitial(ArrayDeque::new);

	private record Before(String taskId, Map<String, Object> values) {
	}

	/**
	 * A claim, completion or form submission that loses a race to another at the same moment fails
	 * when the engine flushes (the optimistic lock, the unique key of the task's permission row),
	 * after {@link CommandGuard} has returned. Camunda's own REST API (Tasklist's
	 * {@code /camunda/api/engine}) answers that with 500; as a {@link RestException} with status
	 * 409 it answers 409, like {@code /engine-rest} and {@code /api}, which find the engine's
	 * exception as its cause. Other commands (the job executor's above all, which retries on the
	 * engine's own exception) pass untouched.
	 */
	private static final class FlushConflicts extends CommandInterceptor {

		private static final Set<Class<?>> TASK_WORK = Set.of(ClaimTaskCmd.class, CompleteTaskCmd.class,
				SubmitTaskFormCmd.class);

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (RuntimeException ex) {
				if (TASK_WORK.contains(command.getClass()) && !(ex instanceof RestException)
						&& ConcurrentChange.in(ex)) {
					throw new RestException(Status.CONFLICT, ex, ConcurrentChange.MESSAGE);
				}
				throw ex;
			}
		}

	}

	/**
	 * Runs inside the command context, before the command: refuses resolve, BPMN error and BPMN
	 * escalation of a task to anybody but {@code camunda-admin} (the engine's own code, without
	 * a user, may), and reads the values that a completion's read-only fields must keep.
	 */
	private final class CommandGuard extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return guard(command);
			}
			catch (RuntimeException ex) {
				throw forCamundasRest(endedMeanwhile(ex, command), command);
			}
		}

		/**
		 * A completion that read the task just before another completion ended it fails in
		 * whatever it reads next: the task's grants are gone (unauthorised), or a listener finds
		 * the case's variables gone. For the task's assignee and candidates that is the same
		 * conflict as a completion that came a moment later (409), not a refusal (403) or bad
		 * input (400).
		 */
		private RuntimeException endedMeanwhile(RuntimeException ex, Command<?> command) {
			if (!(command instanceof CompleteTaskCmd) && !(command instanceof SubmitTaskFormCmd)
					|| ex instanceof RestException || ex instanceof ConflictException) {
				return ex;
			}
			// whatever failed (the grants gone, a listener reading the variables of a case the other
			// completion just ended): when the task has meanwhile been completed, it is that conflict
			var commandContext = Context.getCommandContext();
			Authentication actor = commandContext == null ? null : commandContext.getAuthentication();
			String taskId = (String) read(command, "taskId");
			if (actor == null || actor.getUserId() == null || taskId == null) {
				return ex;
			}
			boolean ended = commandContext.runWithoutAuthorization(() -> EndedTasks.endedAndWasVisibleTo(
					commandContext.getProcessEngineConfiguration().getHistoryService(), taskId, actor.getUserId(),
					groupsOf(actor)));
			return ended ? new ConflictException("task " + taskId + " was completed by somebody else a moment ago")
					: ex;
		}

		private <T> T guard(Command<T> command) {
			if (ADMINS_ONLY.contains(command.getClass())) {
				Authentication actor = Context.getCommandContext().getAuthentication();
				if (actor != null && (actor.getGroupIds() == null || !actor.getGroupIds().contains(ADMIN))) {
					throw new AuthorizationException("Resolving a task, or ending it with a BPMN error or escalation, "
							+ "is for camunda-admin only: complete the task with its form instead.");
				}
				return next.execute(command);
			}
			checkLinkChange(command);
			if (!(command instanceof CompleteTaskCmd) && !(command instanceof SubmitTaskFormCmd)) {
				return next.execute(command);
			}
			String taskId = (String) read(command, "taskId");
			checkNotClaimedByAnother(taskId);
			Map<String, Object> submitted = submittedVariables(command);
			boolean guarded = !submitted.isEmpty() && taskId != null && !taskId.equals(CHECKED_BY_THE_DOOR.get());
			if (guarded) {
				BEFORE.get().push(new Before(taskId, valuesBefore(taskId, submitted.keySet())));
			}
			try {
				return next.execute(command);
			}
			finally {
				if (guarded) {
					BEFORE.get().pop();
					if (BEFORE.get().isEmpty()) {
						BEFORE.remove();
					}
				}
			}
		}

		/**
		 * Camunda's own REST API (Tasklist's {@code /camunda/api/engine}) knows 403 for an
		 * {@link AuthorizationException}, 400 for a completion's {@link FormFieldValidationException}
		 * and for a {@link BadUserRequestException}, and otherwise only the status of a
		 * {@link RestException}; anything else is a 500. A refusal of the guard becomes one of
		 * these, keeping Lodestar's own exception as the cause: Lodestar's mappings
		 * ({@code /engine-rest}, {@code /api}) find it there as before.
		 */
		private RuntimeException forCamundasRest(RuntimeException ex, Command<?> command) {
			if (ex instanceof FormFieldValidationException || ex instanceof RestException) {
				return ex;
			}
			boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidInputException invalid) {
					return completion ? new FormFieldValidationException(invalid.errors(), invalid.getMessage(), invalid)
							: new BadUserRequestException(invalid.getMessage(), invalid);
				}
				if (cause instanceof ConflictException conflict) {
					return new RestException(Status.CONFLICT, conflict, conflict.getMessage());
				}
				if (cause instanceof AuthorizationException authorization) {
					return authorization;
				}
				if (cause instanceof TaskAlreadyClaimedException claimed) {
					return new RestException(Status.CONFLICT, claimed, claimed.getMessage());
				}
			}
			return ex;
		}

		private Map<String, Object> valuesBefore(String taskId, Set<String> names) {
			TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
			Map<String, Object> values = new HashMap<>();
			if (task == null) {
				return values; // the command itself says that the task does not exist
			}
			try {
				for (String name : names) {
					TypedValue typed = task.getVariableTyped(name, false);
					values.put(name, typed == null ? null
							: typed instanceof SerializableValue serializable && !serializable.isDeserialized()
									? serializable.getValueSerialized() : typed.getValue());
				}
			}
			catch (RuntimeException ex) {
				if (instanceEnded(task)) { // another completion ended the case between our reads
					throw new ConflictException("task " + taskId + " was completed by somebody else a moment ago");
				}
				throw ex;
			}
			return values;
		}

		/** Whether the task's process instance is gone from the database (not from this command's cache). */
		private boolean instanceEnded(TaskEntity task) {
			String instanceId = task.getProcessInstanceId();
			return instanceId != null && Context.getCommandContext().getExecutionManager()
				.findExecutionCountByQueryCriteria(new ExecutionQueryImpl().executionId(instanceId)) == 0;
		}

	}

}
