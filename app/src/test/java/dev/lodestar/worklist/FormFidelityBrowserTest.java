package dev.lodestar.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lodestar.Browser;
import dev.lodestar.LodestarIntegrationTest;

/**
 * The fidelity suite: what a person types is what the case keeps. Generated from the files, not
 * written by hand: every form in {@code forms/}, the user task of {@code processes/*.bpmn} that
 * uses it ({@code camunda:formRef}) and the role that works it (its candidate group or assignee,
 * mapped to the demo users of the README). For each field the suite derives boundary values from
 * the form's own constraints: the longest allowed text (single-line, multi-line, Chinese with
 * emoji, HTML-special characters), one character too many; the smallest and largest allowed
 * numbers, one step beyond, one decimal too many, numbers written with separators as people write
 * them in English and Chinese ({@code 50,000}, {@code 50000.50}, {@code ５００００}, {@code 5,0000}) and
 * ones that are ambiguous ({@code 50,00}); every option of a choice and one that is none; dates at
 * month ends and leap days, date-times at time-zone edges and an impossible date; a rejection
 * without its reason.
 *
 * <p><b>How limits count.</b> A text limit counts UTF-16 code units, as form-js, the browser and
 * the server ({@link String#length()}) all do: an emoji is two. The columns behind the fields
 * count characters (PostgreSQL: code points; H2: UTF-16 units), never more than the UTF-16 length,
 * so a column as long as the limit ({@link FieldLimitsTest}) always holds what the form accepts.
 *
 * <p><b>How a case gets to the step.</b> Each accepted value set needs a task of its own: a new case
 * is started through the app's own API (a lead, a complaint, a rollout, a stakeholder assessment,
 * a training wave, a KPI review; a model-change briefing through the engine, as the models API
 * starts it) and walked there: each earlier step from which the flow leads to it is completed
 * with its own form's first value set, as its role ({@link #STEER} names the gateway inputs that
 * lead to a step the first values do not; {@link #FIRE} the timers that lead to a step). Where no
 * open step leads there (a step after a called process), the engine's process-instance
 * modification puts the case in front of it ({@link #START_BEFORE}, {@link #SET_BY_EARLIER_STEPS}).
 * Refused values are tried on the same task first: a refusal completes nothing.
 *
 * <p><b>How values are sent.</b> Through the task page in Chromium, one session per role, for a
 * representative form per field type ({@link #browserForms}: text field, text area, number, choice,
 * checkbox); through the same endpoint the page posts to ({@code POST /api/tasks/{id}/complete})
 * for every other value.
 *
 * <p><b>How values are read back.</b> From the case history (the variables the task's completion
 * wrote, as {@link DecisionHistory} reads them, and the decision with its reason), from the case's
 * API ({@code /api/leads/{id}}, {@code /api/complaints/{id}}: every field that
 * {@code limits/field-columns.csv} keeps in a column of the case) and on the case page (the lead's
 * or the complaint's page shows those texts whole). Equal, or a 400 whose field error names the
 * field and the rule. Any 5xx fails.
 */
@LodestarIntegrationTest
class FormFidelityBrowserTest {

	private static final Path FORMS = Path.of("..", "forms");

	private static final Path PROCESSES = Path.of("..", "processes");

	/** Steps whose case must first pass the service task before them (it opens the record they write). */
	private static final Map<String, String> START_BEFORE = Map.of("Task_PrepareProposal", "Task_OpenOpportunity");

	@RegisterExtension
	static final Browser browser = Browser.perClass();

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	org.camunda.bpm.engine.ManagementService managementService;

	@Autowired
	DecisionHistory decisionHistory;

	@Autowired
	MessageSource messages;

	@Autowired
	ObjectMapper json;

	// ---- what the files say ----------------------------------------------------------------

	/** A user task with a form: its process, the form, who works it (groups or an assignee expression). */
	record Step(String processKey, String taskKey, String formId, String candidateGroups, String assignee) {
	}

	/** One value for one field: accepted (then read back equal) or refused with {@code rule}. */
	record Trial(String field, Object value, Object expected, String rule, String kind) {

		boolean accepted() {
			return rule == null;
		}

	}

	static List<Step> steps() throws IOException {
		var steps = new ArrayList<Step>();
		try (var files = Files.list(PROCESSES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				var model = Bpmn.readModelFromFile(file.toFile());
				for (UserTask task : model.getModelElementsByType(UserTask.class)) {
					if (task.getCamundaFormRef() == null) {
						continue;
					}
					ModelElementInstance parent = task.getParentElement();
					while (!(parent instanceof Process)) {
						parent = parent.getParentElement();
					}
					steps.add(new Step(((Process) parent).getId(), task.getId(), task.getCamundaFormRef(),
							task.getCamundaCandidateGroups(), task.getCamundaAssignee()));
				}
			}
		}
		return steps;
	}

	static Map<String, FormSchema> forms() throws IOException {
		var forms = new TreeMap<String, FormSchema>();
		try (var files = Files.list(FORMS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
				var form = FormSchema.of((ObjectNode) new ObjectMapper().readTree(file.toFile()));
				forms.put(form.id(), form);
			}
		}
		return forms;
	}

	/** The README's demo users: role → the first user in it ("| `alice` | sales-rep | ..."). */
	static Map<String, String> demoUsers() throws IOException {
		var users = new LinkedHashMap<String, String>();
		var row = Pattern.compile("^\\| `([a-z]+)` \\| ([a-z, -]+) \\|");
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			var m = row.matcher(line);
			if (m.find()) {
				for (String role : m.group(2).split(",")) {
					users.putIfAbsent(role.strip(), m.group(1));
				}
			}
		}
		return users;
	}

	/** Where a form's fields are kept in a case's columns ({@code limits/field-columns.csv}). */
	static Map<String, List<String>> columns() throws IOException {
		var places = new HashMap<String, List<String>>();
		for (String line : Files.readAllLines(Path.of("src", "test", "resources", "limits", "field-columns.csv"))) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split(",");
			places.computeIfAbsent(cells[0] + "," + cells[1], k -> new ArrayList<>()).add(cells[2]);
		}
		return places;
	}

	// ---- the values ---------------------------------------------------------------------------

	static final String LATIN = "Lodestar keeps every word. ";

	static final String CHINESE = "客户说沙发靠垫在运输中破损，我们已安排更换并致歉。";

	static final String EMOJI = "😀";

	static final String SPECIAL = "Ünïcödé — 中文 🙂 <b>bold?</b> & 'single' \"double\" ½ ＡＢＣ";

	/** A text's longest allowed length in UTF-16 units: its form's maxLength, at most the engine's 4,000. */
	static int longest(FormSchema.Field field) {
		return field.maxLength() != null && field.maxLength() < FormValidator.LONGEST_TEXT ? field.maxLength()
				: FormValidator.LONGEST_TEXT;
	}

	static String repeat(String unit, int length) {
		var text = new StringBuilder();
		while (text.length() < length) {
			text.append(unit);
		}
		String cut = text.substring(0, length);
		// never ending in a space or half an emoji: what is typed ends in a letter
		return cut.strip().length() == cut.length() && !Character.isHighSurrogate(cut.charAt(cut.length() - 1)) ? cut
				: cut.substring(0, cut.length() - 1) + "x";
	}

	/** Chinese text ending in an emoji, exactly {@code units} UTF-16 units long. */
	static String chineseWithEmoji(int units) {
		return repeat(CHINESE, units - EMOJI.length()) + EMOJI;
	}

	static String multiLine(int units) {
		String lines = "First line of the note\n\nThird line, after an empty one\n  indented line\n";
		return repeat(lines, units);
	}

	List<Trial> trials(FormSchema.Field field) {
		var trials = new ArrayList<Trial>();
		String key = field.key();
		switch (field.type()) {
			case "textfield", "textarea" -> {
				int n = longest(field);
				String rule = field.maxLength() != null && field.maxLength() <= FormValidator.LONGEST_TEXT ? "maxLength"
						: "longestText";
				trials.add(accept(key, repeat(LATIN, n), "longest text"));
				if ("textarea".equals(field.type())) {
					trials.add(accept(key, multiLine(n), "multi-line text"));
				}
				trials.add(accept(key, chineseWithEmoji(n), "Chinese and emoji text"));
				trials.add(accept(key, SPECIAL.length() <= n ? SPECIAL : repeat(SPECIAL, n), "mixed scripts and HTML"));
				trials.add(refuse(key, repeat(LATIN, n + 1), rule, "one character too many"));
				trials.add(refuse(key, repeat(CHINESE, n - 1) + EMOJI, rule, "an emoji past the limit"));
				trials.add(refuse(key, "before\u0000after", "nul", "a NUL character"));
			}
			case "number" -> numberTrials(field, trials);
			case "radio", "select" -> {
				for (String option : field.options()) {
					trials.add(new Trial(key, option, field.yesNoChoice() ? Boolean.valueOf(option) : option, null,
							"option " + option));
				}
				trials.add(refuse(key, "maybe", "option", "not an option"));
			}
			case "checkbox" -> {
				trials.add(new Trial(key, true, true, null, "ticked"));
				trials.add(new Trial(key, false, false, null, "not ticked"));
				trials.add(refuse(key, "yes", "boolean", "a word for a box"));
			}
			case "datetime" -> {
				if ("date".equals(subtype(field))) {
					for (String date : List.of("2030-02-28", "2032-02-29", "2030-04-30", "2030-12-31")) {
						trials.add(accept(key, date, "date at a month end"));
					}
					trials.add(refuse(key, "2030-02-30", "date", "a day that does not exist"));
				}
				else {
					for (String at : List.of("2030-01-31T23:59:00Z", "2030-03-31T00:30:00+14:00",
							"2030-12-31T23:30:00-12:00", "2032-02-29T12:00:00+08:00")) {
						trials.add(accept(key, at, "time at a zone edge"));
					}
					trials.add(refuse(key, "2030-02-30T10:00:00Z", "date", "a day that does not exist"));
				}
			}
			default -> {
			}
		}
		if (field.required() && field.hide() == null && !Set.of("checkbox").contains(field.type())) {
			trials.add(refuse(key, "", "required", "left empty"));
		}
		return trials;
	}

	String subtype(FormSchema.Field field) {
		return formJson.get(field.id()) == null ? "date" : formJson.get(field.id()).path("subtype").asText("date");
	}

	/** Every component of every form by id, for properties FormSchema does not carry. */
	final Map<String, JsonNode> formJson = new HashMap<>();

	void numberTrials(FormSchema.Field field, List<Trial> trials) {
		String key = field.key();
		Integer decimals = field.decimalDigits();
		BigDecimal step = decimals == null ? BigDecimal.ONE : BigDecimal.ONE.movePointLeft(decimals);
		BigDecimal largest = BigDecimal.valueOf(FormValidator.LARGEST_NUMBER);
		BigDecimal low = field.min() == null ? largest.negate() : BigDecimal.valueOf(field.min());
		BigDecimal high = field.max() == null ? largest : BigDecimal.valueOf(field.max());
		trials.add(new Trial(key, number(low), low, null, "smallest number"));
		trials.add(new Trial(key, number(high), high, null, "largest number"));
		BigDecimal fifty = new BigDecimal("50000");
		boolean fits = fifty.compareTo(low) >= 0 && fifty.compareTo(high) <= 0;
		for (String written : List.of("50,000", "５００００", "5,0000", "５，００００")) {
			trials.add(fits ? new Trial(key, written, fifty, null, "written " + written)
					: refuse(key, written, fifty.compareTo(high) > 0 ? "max" : "min", "written " + written + ", out of range"));
		}
		BigDecimal half = new BigDecimal("50000.50");
		if (decimals == null || decimals >= 1) {
			trials.add(fits ? new Trial(key, "50000.50", half, null, "written 50000.50")
					: refuse(key, "50000.50", "max", "written 50000.50, out of range"));
			if (decimals != null && decimals >= 2 && high.compareTo(largest) == 0) {
				String grouped = String.format(Locale.ROOT, "%,.2f", high.subtract(step));
				trials.add(new Trial(key, grouped, high.subtract(step), null, "largest with grouping and cents"));
			}
		}
		else {
			trials.add(refuse(key, "50000.50", fits ? "decimals" : "max", "written with decimals"));
			String top = high.toBigInteger().toString();
			String wide = top.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0xff10))).reduce("", String::concat);
			trials.add(new Trial(key, wide, high, null, "largest in full-width digits"));
		}
		if (field.min() != null) {
			trials.add(refuse(key, number(low.subtract(step)), "min", "one step below the smallest"));
		}
		trials.add(refuse(key, number(high.add(step)), field.max() == null ? "range" : "max", "one step above the largest"));
		if (decimals != null) {
			BigDecimal finer = low.add(step.movePointLeft(1));
			trials.add(refuse(key, number(finer), "decimals", "one decimal too many"));
		}
		trials.add(refuse(key, "50,00", "number", "ambiguous separators"));
		trials.add(refuse(key, "1.234,5", "number", "European separators"));
		trials.add(refuse(key, "fifty", "number", "a word"));
	}

	static Object number(BigDecimal value) {
		return value.stripTrailingZeros().scale() <= 0 ? (Object) value.longValueExact() : (Object) value.doubleValue();
	}

	static Trial accept(String key, String value, String kind) {
		return new Trial(key, value, value, null, kind);
	}

	static Trial refuse(String key, Object value, String rule, String kind) {
		return new Trial(key, value, null, rule, kind);
	}

	/** The message the server must give for {@code rule} on this field, as {@link FormValidator} words it. */
	String ruleMessage(FormSchema.Field field, String rule) {
		if (Set.of("boolean", "nul", "range", "longestText", "option").contains(rule)) {
			Object limit = switch (rule) {
				case "range" -> plain(FormValidator.LARGEST_NUMBER);
				case "option" -> String.join(", ", field.options());
				default -> FormValidator.LONGEST_TEXT;
			};
			return messages.getMessage("platform.validation." + rule, new Object[] { limit }, Locale.ENGLISH);
		}
		Object limit = switch (rule) {
			case "min" -> plain(field.min());
			case "max" -> plain(field.max());
			case "decimals" -> field.decimalDigits();
			case "minLength" -> field.minLength();
			case "maxLength" -> field.maxLength();
			default -> "";
		};
		return messages.getMessage("validation." + rule, new Object[] { limit }, Locale.ENGLISH);
	}

	static String plain(Double number) {
		return number == Math.rint(number) ? String.valueOf(number.longValue()) : String.valueOf(number);
	}

	// ---- the suite ----------------------------------------------------------------------------

	int fieldsTried;

	int valuesTried;

	int refusedAsExpected;

	final List<String> failures = new ArrayList<>();

	Map<String, String> users;

	Map<String, List<String>> places;

	final List<Runnable> browserWork = new ArrayList<>();

	@Test
	void everyFormKeepsWhatIsTypedOrRefusesItByName() throws Exception {
		long started = System.nanoTime();
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		long cpuStarted = os.getProcessCpuTime();
		Map<String, FormSchema> forms = forms();
		try (var files = Files.list(FORMS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				new ObjectMapper().readTree(file.toFile()).findParents("key").forEach(c -> formJson.put(c.path("id").asText(), c));
			}
		}
		users = demoUsers();
		places = columns();
		List<Step> steps = steps();
		Set<String> browserForms = browserForms(forms, steps);
		var covered = new HashSet<String>();
		steps.forEach(step -> walkForms.put(step.taskKey(), forms.get(step.formId())));
		for (Step step : steps) {
			FormSchema form = forms.get(step.formId());
			assertThat(form).as("form " + step.formId() + " of " + step.taskKey()).isNotNull();
			if (!covered.add(step.formId())) {
				continue; // a form used by two steps is tried once
			}
			try {
				long formStarted = System.nanoTime();
				tryForm(step, form, browserForms.contains(form.id()));
				System.out.printf("fidelity: %s at %s in %d ms%n", form.id(), step.taskKey(),
						(System.nanoTime() - formStarted) / 1_000_000);
			}
			catch (RuntimeException | AssertionError ex) {
				String text = String.valueOf(ex.getMessage());
				failures.add(form.id() + " at " + step.taskKey() + ": " + text.substring(0, Math.min(600, text.length())));
			}
		}
		assertThat(covered).as("every form in forms/ is used by a step").containsExactlyInAnyOrderElementsOf(forms.keySet());
		runBrowserWork();
		// wall time, and the CPU time of this JVM (server and test): on a busy machine the second
		// says what the suite costs
		System.out.printf("fidelity: %d forms, %d fields, %d values tried, %d refused as expected (%d s, %d s CPU)%n",
				covered.size(), fieldsTried, valuesTried, refusedAsExpected, (System.nanoTime() - started) / 1_000_000_000L,
				(os.getProcessCpuTime() - cpuStarted) / 1_000_000_000L);
		failures.forEach(failure -> System.out.println("fidelity FAILED: " + failure));
		assertThat(failures).as("values changed, refused without naming the rule, or answered 5xx").isEmpty();
	}

	/** The first form (in file order) with a field of each type, without date fields, goes through Chromium. */
	static Set<String> browserForms(Map<String, FormSchema> forms, List<Step> steps) {
		var chosen = new java.util.LinkedHashSet<String>();
		var usedForms = new HashSet<String>();
		steps.forEach(s -> usedForms.add(s.formId()));
		for (String type : List.of("textfield", "textarea", "number", "radio", "checkbox")) {
			forms.values()
				.stream()
				.filter(f -> usedForms.contains(f.id()))
				.filter(f -> f.fields().stream().noneMatch(x -> "datetime".equals(x.type())))
				.filter(f -> f.fields().stream().anyMatch(x -> x.editable() && type.equals(x.type())))
				.filter(f -> chosen.stream().noneMatch(c -> forms.get(c).fields().stream().anyMatch(x -> x.editable() && type.equals(x.type()))))
				.findFirst()
				.ifPresent(f -> chosen.add(f.id()));
		}
		return chosen;
	}

	void tryForm(Step step, FormSchema form, boolean inBrowser) {
		var editable = form.fields().stream().filter(FormSchema.Field::editable).toList();
		fieldsTried += editable.size();
		var trials = new LinkedHashMap<String, List<Trial>>();
		editable.forEach(field -> trials.put(field.key(), trials(field)));
		List<Map<String, Object>> variants = variants(editable, trials);

		// refusals first, all on one task: a refused submission completes nothing. Values that
		// leave the other fields as they are go together, one per field and request (the server
		// names every wrong field at once); a choice (it shows and hides fields) and a NUL
		// character (the JSON reader stops at the first) go alone.
		Task task = taskAt(step);
		String user = worker(task);
		Map<String, Object> base = variants.get(0);
		var rounds = new ArrayList<Map<FormSchema.Field, Trial>>();
		var alone = new ArrayList<Map<FormSchema.Field, Trial>>();
		for (FormSchema.Field field : editable) {
			if (!visible(field, base)) {
				continue;
			}
			int round = 0;
			for (Trial trial : trials.get(field.key())) {
				if (trial.accepted()) {
					continue;
				}
				if (!field.options().isEmpty() || "nul".equals(trial.rule())) {
					alone.add(Map.of(field, trial));
					continue;
				}
				if (rounds.size() <= round) {
					rounds.add(new LinkedHashMap<>());
				}
				rounds.get(round++).put(field, trial);
			}
		}
		rounds.addAll(alone);
		for (Map<FormSchema.Field, Trial> round : rounds) {
			var submission = new LinkedHashMap<>(base);
			round.forEach((field, trial) -> submission.put(field.key(), trial.value()));
			expectRefusals(form, round, task, user, submission);
		}
		for (FormSchema.Field field : editable) {
			if (field.requiredWhen() != null && field.requiredWhen().contains("=")) {
				// the decision that needs a reason, without one
				String decision = field.requiredWhen().substring(0, field.requiredWhen().indexOf('=')).strip();
				String value = field.requiredWhen().substring(field.requiredWhen().indexOf('=') + 1).strip();
				var submission = new LinkedHashMap<>(base);
				submission.put(decision, value);
				submission.put(field.key(), "");
				if (visible(field, submission)) {
					expectRefusals(form, Map.of(field, new Trial(field.key(), "", null, "requiredWhen",
							"a rejection without a reason")), task, user, submission);
				}
			}
		}

		// then each accepted value set on a task of its own
		for (int i = 0; i < variants.size(); i++) {
			Map<String, Object> submission = variants.get(i);
			Task target = i == 0 ? task : taskAt(step);
			String worker = i == 0 ? user : worker(target);
			valuesTried += (int) editable.stream().filter(f -> visible(f, submission)).count();
			if (inBrowser && i == 0) {
				browserWork.add(() -> submitInBrowser(step, form, target, worker, submission));
			}
			else {
				var reply = api().send(worker, "POST", "/api/tasks/" + target.getId() + "/complete", submission, "en");
				if (reply.status() >= 500 || reply.status() != 204) {
					failures.add(form.id() + " variant " + i + " as " + worker + ": " + reply.status() + " " + reply.text()
							+ " for " + abbreviated(submission));
					continue;
				}
				readBack(step, form, editable, target, worker, submission, null);
			}
		}
	}

	/**
	 * Value sets that try every accepted value of every field at least once: the i-th set takes the
	 * i-th option of every choice (so fields shown only for one answer meet it) and, for every other
	 * visible field, its next accepted value not yet tried (or its first again, as a filler).
	 */
	static List<Map<String, Object>> variants(List<FormSchema.Field> fields, Map<String, List<Trial>> trials) {
		var pending = new HashMap<String, Deque<Trial>>();
		for (int n = 0; n < fields.size(); n++) {
			// each field starts at another of its values: two text fields never hold the same text
			var accepted = new ArrayList<>(trials.get(fields.get(n).key()).stream().filter(Trial::accepted).toList());
			if (fields.get(n).options().isEmpty() && !accepted.isEmpty()) {
				java.util.Collections.rotate(accepted, -(n % accepted.size()));
			}
			pending.put(fields.get(n).key(), new ArrayDeque<>(accepted));
		}
		var variants = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < 16; i++) {
			var values = new LinkedHashMap<String, Object>();
			for (FormSchema.Field f : fields) {
				List<Trial> accepted = trials.get(f.key()).stream().filter(Trial::accepted).toList();
				if (!f.options().isEmpty() && !accepted.isEmpty()) {
					// every option once; then the one that shows the most fields with values still to try
					Trial choice = pending.get(f.key()).poll();
					if (choice == null) {
						int best = -1;
						for (Trial option : accepted) {
							var with = new LinkedHashMap<>(values);
							with.put(f.key(), option.value());
							int shown = (int) fields.stream()
								.filter(x -> x.options().isEmpty() && !pending.get(x.key()).isEmpty() && visible(x, with))
								.count();
							if (shown > best) {
								best = shown;
								choice = option;
							}
						}
					}
					values.put(f.key(), choice.value());
				}
			}
			for (FormSchema.Field f : fields) {
				if (!f.options().isEmpty() || !visible(f, values)) {
					continue;
				}
				List<Trial> accepted = trials.get(f.key()).stream().filter(Trial::accepted).toList();
				Trial next = pending.get(f.key()).poll();
				if (next == null && !accepted.isEmpty()) {
					next = accepted.get((i + fields.indexOf(f)) % accepted.size());
				}
				if (next != null) {
					values.put(f.key(), next.value());
				}
			}
			variants.add(values);
			boolean done = pending.entrySet().stream().allMatch(e -> e.getValue().isEmpty()
					|| fields.stream().filter(f -> f.key().equals(e.getKey())).noneMatch(f -> f.options().isEmpty()));
			if (done && i + 1 >= fields.stream().mapToInt(f -> f.options().size()).max().orElse(1)) {
				break;
			}
		}
		return variants;
	}

	static boolean visible(FormSchema.Field field, Map<String, Object> values) {
		if (field.hide() == null) {
			return true;
		}
		var asTyped = new HashMap<String, Object>();
		values.forEach((k, v) -> asTyped.put(k, v instanceof Boolean b ? b.toString() : v));
		return !Boolean.TRUE.equals(FeelCondition.evaluate(field.hide(), asTyped));
	}

	void expectRefusals(FormSchema form, Map<FormSchema.Field, Trial> round, Task task, String user,
			Map<String, Object> submission) {
		var reply = api().send(user, "POST", "/api/tasks/" + task.getId() + "/complete", submission, "en");
		round.forEach((field, trial) -> {
			valuesTried++;
			String expected = "requiredWhen".equals(trial.rule())
					? messages.getMessage("validation.requiredWhen", null, Locale.ENGLISH) : ruleMessage(field, trial.rule());
			if (reply.status() == 400 && reply.body() != null) {
				for (JsonNode error : reply.body().path("errors")) {
					if (field.key().equals(error.path("field").asText()) && expected.equals(error.path("message").asText())) {
						refusedAsExpected++;
						return;
					}
				}
			}
			failures.add(form.id() + "." + field.key() + " " + trial.kind() + " (" + abbreviated(trial.value())
					+ "): expected 400 '" + expected + "', got " + reply.status() + " " + abbreviated(reply.text()));
		});
		if (reply.status() == 204) {
			throw new AssertionError("a refused value completed the task: " + abbreviated(submission));
		}
	}

	// ---- reading back -------------------------------------------------------------------------

	void readBack(Step step, FormSchema form, List<FormSchema.Field> fields, Task task, String user,
			Map<String, Object> submission, String pageText) {
		// the case history: what the completion wrote, as the decisions and the history read it
		var written = new HashMap<String, Object>();
		historyService.createHistoricDetailQuery()
			.variableUpdates()
			.activityInstanceId(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
				.getActivityInstanceId())
			.orderByTime()
			.asc()
			.list()
			// what the completion wrote; a listener may move a value on afterwards (a phase's cost to its phase)
			.forEach(d -> written.putIfAbsent(((HistoricVariableUpdate) d).getVariableName(),
					((HistoricVariableUpdate) d).getValue()));
		String businessKey = historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
		// the case is read by its owner's role (a welcome call's agent does not read the sales pipeline)
		String reader = "complaint-to-resolution".equals(step.processKey()) ? users.get("service-agent") : users.get("sales-rep");
		JsonNode caseView = caseView(step.processKey(), businessKey, reader);
		String page = pageText != null ? pageText : casePage(step.processKey(), businessKey, reader);
		for (FormSchema.Field field : fields) {
			if (!visible(field, submission) || !submission.containsKey(field.key())) {
				continue;
			}
			Object value = submission.get(field.key());
			Object expected = expected(field, value);
			String where = form.id() + "." + field.key() + " (" + abbreviated(value) + ")";
			if (!same(expected, written.get(field.key()))) {
				failures.add(where + ": the case history keeps " + abbreviated(written.get(field.key())));
			}
			for (String place : places.getOrDefault(form.id() + "," + field.key(), List.of())) {
				JsonNode shown = apiField(caseView, place);
				if (shown != null && !same(expected, shown)) {
					failures.add(where + ": the case API (" + place + ") shows " + abbreviated(shown));
				}
				if (shown != null && expected instanceof String text && page != null && !place.contains("+")
						&& !"date".equals(subtype(field)) && !page.contains(text)) {
					failures.add(where + ": the case page does not show it whole (" + place + ")");
				}
			}
		}
		for (DecisionHistory.Decision decision : decisionHistory.ofInstance(task.getProcessInstanceId(), Locale.ENGLISH)) {
			Object chosen = submission.get(decision.field());
			if (chosen != null && written.containsKey(decision.field())
					&& !same(expected(field(fields, decision.field()), chosen), decision.value())) {
				failures.add(form.id() + "." + decision.field() + ": the decision history says " + decision.value());
			}
		}
	}

	static FormSchema.Field field(List<FormSchema.Field> fields, String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
	}

	Object expected(FormSchema.Field field, Object value) {
		for (Trial trial : trials(field)) {
			if (trial.accepted() && java.util.Objects.equals(trial.value(), value)) {
				return trial.expected();
			}
		}
		return value;
	}

	static boolean same(Object expected, Object actual) {
		if (expected instanceof JsonNode || actual instanceof JsonNode) {
			Object e = expected instanceof JsonNode n ? plainOf(n) : expected;
			Object a = actual instanceof JsonNode n ? plainOf(n) : actual;
			return same(e, a);
		}
		if (expected instanceof BigDecimal || expected instanceof Number) {
			if (!(actual instanceof Number) && !(actual instanceof String)) {
				return false;
			}
			try {
				return new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())) == 0;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		if (expected instanceof String text && actual instanceof String shown && text.matches("\\d{4}-\\d{2}-\\d{2}.*")
				&& !text.equals(shown)) {
			return sameInstant(text, shown);
		}
		return java.util.Objects.equals(expected, actual);
	}

	static Object plainOf(JsonNode node) {
		return node.isNumber() ? node.decimalValue() : node.isBoolean() ? (Object) node.booleanValue() : node.asText();
	}

	/** A date the API shows as an instant: the date typed, at the app's 09:00 UTC; a date-time the same instant. */
	static boolean sameInstant(String typed, String shown) {
		try {
			Instant at = Instant.parse(shown);
			Instant meant = typed.length() == 10 ? java.time.LocalDate.parse(typed).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC)
					: java.time.OffsetDateTime.parse(typed).toInstant();
			return at.truncatedTo(ChronoUnit.SECONDS).equals(meant.truncatedTo(ChronoUnit.SECONDS));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	JsonNode caseView(String processKey, String businessKey, String user) {
		String path = switch (processKey) {
			case "lead-to-sale" -> "/api/leads/" + businessKey;
			case "complaint-to-resolution" -> "/api/complaints/" + businessKey;
			default -> null;
		};
		if (path == null) {
			return null;
		}
		var reply = api().get(user, path);
		if (reply.status() != 200) {
			failures.add(path + " as " + user + ": " + reply.status());
			return null;
		}
		return reply.body();
	}

	/** The case API's property for a column ({@code crm_opportunity.lost_reason} → {@code opportunity.lostReason}). */
	static JsonNode apiField(JsonNode view, String place) {
		if (view == null || !place.contains(".") || place.contains("+")) {
			return null;
		}
		String table = place.substring(0, place.indexOf('.'));
		String column = place.substring(place.indexOf('.') + 1);
		var camel = new StringBuilder();
		for (String part : column.split("_")) {
			camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		JsonNode node = switch (table) {
			case "crm_lead", "crm_complaint" -> view.get(camel.toString());
			case "crm_opportunity" -> view.path("opportunity").get(camel.toString());
			default -> null;
		};
		return node == null || node.isNull() ? null : node;
	}

	/** The case page's text (HTML entities decoded), for the cases that have a page. */
	String casePage(String processKey, String businessKey, String user) {
		String path = switch (processKey) {
			case "lead-to-sale" -> "/leads/" + businessKey;
			case "complaint-to-resolution" -> "/complaints/" + businessKey;
			default -> null;
		};
		if (path == null) {
			return null;
		}
		var response = pages(user).get(path);
		if (response.statusCode() != 200) {
			failures.add("page " + path + " as " + user + ": " + response.statusCode());
			return null;
		}
		return HtmlUtils.htmlUnescape(response.body());
	}

	// ---- the browser --------------------------------------------------------------------------

	void runBrowserWork() {
		browserWork.forEach(Runnable::run);
	}

	String loggedIn;

	void submitInBrowser(Step step, FormSchema form, Task task, String user, Map<String, Object> submission) {
		if (!user.equals(loggedIn)) {
			browser.logIn(user);
			loggedIn = user;
		}
		browser.open("/tasks/" + task.getId());
		browser.waitFor(By.cssSelector("#form[data-ready='true']"));
		var editable = form.fields().stream().filter(FormSchema.Field::editable).toList();
		for (FormSchema.Field field : editable) {
			if (!submission.containsKey(field.key())) {
				continue;
			}
			Object value = submission.get(field.key());
			switch (field.type()) {
				case "radio" -> browser.formField(field.id() + "-" + field.options().indexOf(String.valueOf(value))).click();
				case "checkbox" -> {
					if (Boolean.TRUE.equals(value)) {
						browser.formField(field.id()).click();
					}
				}
				default -> browser.script("""
						const input = arguments[0];
						const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
						input.focus();
						setter.call(input, arguments[1]);
						input.dispatchEvent(new Event('input', { bubbles: true }));
						input.dispatchEvent(new Event('change', { bubbles: true }));
						""", browser.formField(field.id()), String.valueOf(value));
			}
		}
		browser.script("document.activeElement && document.activeElement.blur()");
		browser.driver().findElement(By.id("complete")).click();
		try {
			browser.waitUntil(ExpectedConditions.urlContains("completed="));
		}
		catch (RuntimeException ex) {
			browser.screenshot("fidelity-" + form.id());
			failures.add(form.id() + " in Chromium as " + user + ": not completed: "
					+ browser.driver().findElement(By.id("task-message")).getText() + " "
					+ browser.driver().findElement(By.id("form-errors")).getText());
			return;
		}
		String businessKey = historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
		String pageText = null;
		String casePath = switch (step.processKey()) {
			case "lead-to-sale" -> "/leads/" + businessKey;
			case "complaint-to-resolution" -> "/complaints/" + businessKey;
			default -> null;
		};
		if (casePath != null) {
			browser.open(casePath);
			browser.waitFor(By.id("current-user"));
			pageText = (String) browser.script("return document.body.textContent");
		}
		readBack(step, form, editable, task, user, submission, pageText);
	}

	// ---- cases at a step ------------------------------------------------------------------------

	/**
	 * A new case of the step's process, at that step: started through the app's own API, walked
	 * through the steps before it (each completed with its form's first value set, as its role),
	 * and where no open step leads there, put in front of it by process-instance modification.
	 */
	Task taskAt(Step step) {
		String instance = startCase(step);
		for (int walked = 0; walked < 12; walked++) {
			Task natural = openTask(instance, step.taskKey(), Set.of());
			if (natural != null) {
				return natural;
			}
			if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
				break;
			}
			var timer = FIRE.get(step.taskKey()) == null ? null : managementService.createJobQuery()
				.processInstanceId(instance).activityId(FIRE.get(step.taskKey())).list().stream().findFirst().orElse(null);
			if (timer != null) {
				managementService.executeJob(timer.getId());
				continue;
			}
			var waiting = managementService.createJobQuery().processInstanceId(instance).messages().list();
			if (!waiting.isEmpty()) {
				waiting.forEach(job -> managementService.executeJob(job.getId()));
				continue;
			}
			Task before = taskService.createTaskQuery().processInstanceId(instance).list().stream()
				.filter(t -> reaches(step.processKey(), t.getTaskDefinitionKey(), step.taskKey()))
				.findFirst().orElse(null);
			if (before == null) {
				break;
			}
			walk(step, before);
		}
		if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
			throw new AssertionError("the case ended before " + step.taskKey());
		}
		var open = new HashSet<String>();
		taskService.createTaskQuery().processInstanceId(instance).list().forEach(t -> open.add(t.getId()));
		runtimeService.createProcessInstanceModification(instance)
			.startBeforeActivity(START_BEFORE.getOrDefault(step.taskKey(), step.taskKey()))
			.setVariables(SET_BY_EARLIER_STEPS.getOrDefault(step.taskKey(), Map.of()))
			.execute();
		Task task = openTask(instance, step.taskKey(), open);
		assertThat(task).as(step.taskKey() + " in " + step.processKey() + " " + instance).isNotNull();
		return task;
	}

	/** Completes a step on the way with its form's first value set (and the values that steer toward the target). */
	void walk(Step target, Task task) {
		FormSchema form = walkForms.get(task.getTaskDefinitionKey());
		var values = new LinkedHashMap<String, Object>();
		if (form != null) {
			var editable = form.fields().stream().filter(FormSchema.Field::editable).toList();
			var trials = new LinkedHashMap<String, List<Trial>>();
			editable.forEach(field -> trials.put(field.key(), trials(field)));
			values.putAll(variants(editable, trials).get(0));
		}
		values.putAll(STEER.getOrDefault(target.taskKey(), Map.of()));
		values.keySet().retainAll(form == null ? Set.of() : form.fields().stream().map(FormSchema.Field::key).toList());
		String user = worker(task);
		var reply = api().send(user, "POST", "/api/tasks/" + task.getId() + "/complete", values, "en");
		assertThat(reply.status()).as("walking " + task.getTaskDefinitionKey() + " toward " + target.taskKey() + ": "
				+ reply.text()).isEqualTo(204);
	}

	/** Values that take a case toward a step its first value sets do not lead to (the gateways' own inputs). */
	private static final Map<String, Map<String, Object>> STEER = Map.of(
			"Task_ApproveDiscount", Map.of("amount", 52000, "discountPercent", 30),
			"Task_ApproveCompensation", Map.of("compensation", 50000),
			"Task_AdjustStrategy", Map.of("reviewDecision", "adjust"),
			"Task_FollowUpKpi", Map.of("reviewDecision", "act"));

	/** Steps that a timer leads to: the timer is fired (its job run now, the clock left as it is). */
	private static final Map<String, String> FIRE = Map.of("Task_ReviewEscalation", "Timer_ResponseBreached",
			"Task_DecideExtendOrAccept", "Timer_WaveDeadline");

	/** What a step put in place by modification needs that the steps before it would have set. */
	private static final Map<String, Map<String, Object>> SET_BY_EARLIER_STEPS = Map.of("Task_Remediate",
			Map.of("gateReason", "One critical issue is still open"));

	/** The form of every step, by task key, for walking. */
	final Map<String, FormSchema> walkForms = new HashMap<>();

	final Map<String, org.camunda.bpm.model.bpmn.BpmnModelInstance> models = new HashMap<>();

	/** Whether the process's flow leads from one activity to another (boundary events included). */
	boolean reaches(String processKey, String from, String to) {
		var model = models.computeIfAbsent(processKey, key -> Bpmn.readModelFromFile(PROCESSES.resolve(key + ".bpmn").toFile()));
		var seen = new HashSet<String>();
		var queue = new ArrayDeque<org.camunda.bpm.model.bpmn.instance.FlowNode>();
		queue.add(model.getModelElementById(from));
		while (!queue.isEmpty()) {
			var node = queue.poll();
			if (node == null || !seen.add(node.getId())) {
				continue;
			}
			if (!node.getId().equals(from) && node.getId().equals(to)) {
				return true;
			}
			node.getSucceedingNodes().list().forEach(queue::add);
			if (node instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub) {
				sub.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).forEach(queue::add);
			}
			if (node.getOutgoing().isEmpty() && node.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub) {
				sub.getSucceedingNodes().list().forEach(queue::add);
			}
			model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class)
				.stream()
				.filter(b -> b.getAttachedTo() != null && b.getAttachedTo().getId().equals(node.getId()))
				.forEach(queue::add);
		}
		return false;
	}

	Task openTask(String instance, String taskKey, Set<String> except) {
		return taskService.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey(taskKey)
			.list()
			.stream()
			.filter(t -> !except.contains(t.getId()))
			.findFirst()
			.orElse(null);
	}

	/** Who works the task: its assignee, or the demo user of its first candidate role. */
	String worker(Task task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
			if (link.getGroupId() != null && users.containsKey(link.getGroupId())) {
				return users.get(link.getGroupId());
			}
		}
		throw new AssertionError("no demo user works " + task.getTaskDefinitionKey());
	}

	Long rolloutId;

	String startCase(Step step) {
		String processKey = step.processKey();
		String key = UUID.randomUUID().toString().substring(0, 8);
		switch (processKey) {
			case "lead-to-sale": {
				if ("Task_ReviewDuplicate".equals(step.taskKey())) {
					// a company already in the customer master under a similar name: a likely duplicate
					created(api().post("alice", "/api/leads", Map.of("company", "Quasar " + key + " GmbH", "contactName",
							"Eva", "email", "eva." + key + "@quasar.example", "source", "REFERRAL", "region", "EMEA")), "id");
					return created(api().post("alice", "/api/leads", Map.of("company", "QUASAR " + key + ", Inc.",
							"contactName", "Max", "email", "max." + key + "@quasar.example", "source", "WEB", "region", "NA")),
							"processInstanceId");
				}
				var reply = api().post("alice", "/api/leads", Map.of("company", "Fidelity " + key, "contactName", "Li Wei",
						"email", key + "@fidelity.example", "source", "REFERRAL", "region", "EMEA", "estimatedValue", "20000"));
				return created(reply, "processInstanceId");
			}
			case "complaint-to-resolution": {
				// a caller without e-mail: the resolution goes by phone, a step with a form of its own
				var reply = api().post("carol", "/api/complaints", Map.of("customerName", "Fidelity " + key,
						"customerPhone", "+86 21 5555 " + (1000 + Math.abs(key.hashCode() % 9000)), "channel", "PHONE",
						"category", "BILLING", "description", "Charged twice for one order", "preferredContact", "PHONE"));
				return instanceOf("complaint-to-resolution", created(reply, "id"));
			}
			case "crm-rollout":
				return instanceOf("crm-rollout", String.valueOf(rollout(key)));
			case "stakeholder-assessment": {
				if (rolloutId == null) {
					rolloutId = rollout(key);
					// one stakeholder, with a manager who mitigates the barrier points the lowest scores make
					created(api().post("frank", "/api/rollouts/" + rolloutId + "/stakeholders", Map.of("name", "Sales reps " + key,
							"category", "EMPLOYEE", "department", "Sales", "influence", 2, "interest", 5, "responsibleManager", "bob")),
							"id");
				}
				long rollout = rolloutId;
				return created(api().post("frank", "/api/rollouts/" + rollout + "/stakeholder-assessments", Map.of()),
						"processInstanceId");
			}
			case "training-wave": {
				var reply = api().post("grace", "/api/training-waves", Map.of("kind", "END_USERS", "audience", List.of("trainer"),
						"completionTarget", 100, "deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
				return instanceOf("training-wave", "wave-" + created(reply, "progress").replaceAll(".*\"waveId\":(\\d+).*", "$1"));
			}
			case "kpi-review":
				return created(api().post("erin", "/api/insight/kpi-reviews", Map.of()), "processInstanceId");
			case "model-change-briefing":
				return runtimeService.startProcessInstanceByKey("model-change-briefing", "fidelity:" + key,
						Map.of("members", new ArrayList<>(List.of("frank")), "changes", "Fidelity: one step renamed",
								"diagramLink", "/models/lead-to-sale", "briefedBy", "henry"))
					.getId();
			default:
				throw new AssertionError("no way to start " + processKey);
		}
	}

	long rollout(String key) {
		var reply = api().post("frank", "/api/rollouts", Map.of("name", "Fidelity " + key, "sponsor", "erin", "strategy",
				"Customers first"));
		return Long.parseLong(created(reply, "id"));
	}

	String created(ApiClient.Reply reply, String property) {
		return created(reply, property, null);
	}

	String created(ApiClient.Reply reply, String property, String context) {
		assertThat(reply.status()).as(reply.text()).isBetween(200, 201);
		JsonNode value = reply.body().path(property);
		assertThat(value.isMissingNode()).as(property + " in " + reply.text()).isFalse();
		return value.isValueNode() ? value.asText() : value.toString();
	}

	String instanceOf(String processKey, String businessKey) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.singleResult()
			.getId();
	}

	// ---- HTTP ---------------------------------------------------------------------------------

	ApiClient api() {
		return new ApiClient(port, json);
	}

	final Map<String, PageSession> pageSessions = new HashMap<>();

	PageSession pages(String user) {
		return pageSessions.computeIfAbsent(user, u -> PageSession.logIn(port, u));
	}

	static String abbreviated(Object value) {
		String text = String.valueOf(value).replace("\n", "\\n");
		return text.length() > 120 ? text.substring(0, 60) + "…(" + text.length() + ")…" + text.substring(text.length() - 40)
				: text;
	}

	/** A user logged in through the login form, as a browser is (session cookie, CSRF token). */
	record PageSession(String base, HttpClient http) {

		static PageSession logIn(int port, String user) {
			var cookies = new CookieManager();
			var session = new PageSession("http://localhost:" + port,
					HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build());
			session.get("/login");
			String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(user, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			var response = session.send(HttpRequest.newBuilder(URI.create(session.base() + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
			assertThat(response.statusCode()).as("log-in of " + user).isEqualTo(302);
			return session;
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
		}

		HttpResponse<String> send(HttpRequest request) {
			try {
				return http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
