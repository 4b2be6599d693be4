package dev.lodestar.worklist;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds open tasks across roles through the engine, then measures the first page of My work
 * for a user with two roles beside the same query run bare through Camunda's TaskService, in
 * the same run (alternating, so that both see the same machine). Used by
 * {@link WorklistBenchmarkRun} (50,000 tasks on PostgreSQL, by hand) and by
 * {@link WorklistBenchmarkSmokeTest} (a few hundred on H2, in every build).
 */
class WorklistBenchmark {

	static final String USER = "bench-user";
	static final List<String> USER_ROLES = List.of("bench-role-0", "bench-role-1");
	static final int ROLES = 10;

	private final RuntimeService runtimeService;
	private final TaskService taskService;
	private final IdentityService identityService;
	private final TransactionTemplate transactions;
	private final TaskListService worklist;
	private final int port;

	WorklistBenchmark(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
			TransactionTemplate transactions, TaskListService worklist, int port) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.transactions = transactions;
		this.worklist = worklist;
		this.port = port;
	}

	record Figures(int tasks, long visible, double[] bare, double[] myWork, double[] http) {

		double p(double[] sorted, double quantile) {
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
		}

	}

	Figures run(int tasks, int iterations, PrintStream out) throws Exception {
		return run(tasks, iterations, out, () -> {
		});
	}

	/** {@code afterSeeding} runs once the tasks exist (on PostgreSQL: ANALYZE, as after any bulk load). */
	Figures run(int tasks, int iterations, PrintStream out, Runnable afterSeeding) throws Exception {
		usersAndRoles();
		long started = System.nanoTime();
		int seeded = seed(tasks);
		if (seeded > 0) {
			out.printf("seeded %,d open tasks through the engine in %.1f s%n", seeded,
					(System.nanoTime() - started) / 1e9);
		}
		afterSeeding.run();
		int total = (int) taskService.createTaskQuery().processDefinitionKey("bench-work").count();
		Caller caller = new Caller(USER, USER_ROLES);
		long visible = taskService.createTaskQuery()
			.or()
			.taskAssignee(USER)
			.taskCandidateGroupIn(USER_ROLES)
			.endOr()
			.count();

		Supplier<Object> bare = () -> taskService.createTaskQuery()
			.or()
			.taskAssignee(USER)
			.taskCandidateGroupIn(USER_ROLES)
			.endOr()
			.orderByDueDate()
			.asc()
			.orderByTaskCreateTime()
			.asc()
			.listPage(0, 25);
		Supplier<Object> myWork = () -> worklist.list(caller, TaskFilter.all());
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8));
		Supplier<Object> api = () -> {
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
					.header("Authorization", authorization)
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException("GET /api/tasks: " + response.statusCode());
				}
				return response.body();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};

		int warmUp = Math.max(10, iterations / 10);
		double[] bareTimes = new double[iterations];
		double[] myWorkTimes = new double[iterations];
		double[] httpTimes = new double[iterations];
		for (int i = -warmUp; i < iterations; i++) {
			double b = time(bare);
			double m = time(myWork);
			double h = time(api);
			if (i >= 0) {
				bareTimes[i] = b;
				myWorkTimes[i] = m;
				httpTimes[i] = h;
			}
		}
		Arrays.sort(bareTimes);
		Arrays.sort(myWorkTimes);
		Arrays.sort(httpTimes);
		var figures = new Figures(total, visible, bareTimes, myWorkTimes, httpTimes);
		report(figures, iterations, out);
		return figures;
	}

	private void report(Figures f, int iterations, PrintStream out) {
		out.println();
		out.printf("My work, first page (25 rows) for %s with two roles %s: %,d open tasks in %d roles, %,d of them "
				+ "visible to the user; %d runs each, alternating%n", USER, USER_ROLES, f.tasks(), ROLES, f.visible(),
				iterations);
		out.printf("%-46s %9s %9s %9s%n", "", "p50 ms", "p95 ms", "max ms");
		line(out, "bare TaskService query (baseline)", f, f.bare());
		line(out, "My work service (query + rows + SLA + customer)", f, f.myWork());
		line(out, "GET /api/tasks over HTTP (auth + JSON)", f, f.http());
		double ratio = f.p(f.myWork(), 0.95) / f.p(f.bare(), 0.95);
		out.printf("p95 My work / bare = %.2f (target <= 1.5): %s; p95 My work = %.1f ms (target <= 100): %s%n",
				ratio, ratio <= 1.5 ? "met" : "NOT met", f.p(f.myWork(), 0.95),
				f.p(f.myWork(), 0.95) <= 100 ? "met" : "NOT met");
	}

	private static void line(PrintStream out, String label, Figures f, double[] sorted) {
		out.printf("%-46s %9.1f %9.1f %9.1f%n", label, f.p(sorted, 0.5), f.p(sorted, 0.95), sorted[sorted.length - 1]);
	}

	private static double time(Supplier<Object> work) {
		long start = System.nanoTime();
		Object result = work.get();
		long elapsed = System.nanoTime() - start;
		if (result == null) {
			throw new IllegalStateException("no result");
		}
		return elapsed / 1e6;
	}

	private void usersAndRoles() {
		for (int r = 0; r < ROLES; r++) {
			String role = "bench-role-" + r;
			if (identityService.createGroupQuery().groupId(role).count() == 0) {
				var group = identityService.newGroup(role);
				group.setName("Benchmark role " + r);
				identityService.saveGroup(group);
			}
		}
		if (identityService.createUserQuery().userId(USER).count() == 0) {
			var user = identityService.newUser(USER);
			user.setFirstName("Bench");
			user.setPassword(USER);
			identityService.saveUser(user);
			USER_ROLES.forEach(role -> identityService.createMembership(USER, role));
		}
	}

	/** Starts instances until {@code target} bench tasks are open; returns how many it started. */
	private int seed(int target) throws Exception {
		long open = taskService.createTaskQuery().processDefinitionKey("bench-work").count();
		int missing = (int) Math.max(0, target - open);
		if (missing == 0) {
			return 0;
		}
		int batch = 250;
		AtomicInteger next = new AtomicInteger((int) open);
		int end = (int) open + missing;
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				workers.add(pool.submit(() -> {
					int from;
					while ((from = next.getAndAdd(batch)) < end) {
						int to = Math.min(end, from + batch);
						int first = from;
						transactions.executeWithoutResult(status -> {
							for (int n = first; n < to; n++) {
								start(n);
							}
						});
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return missing;
	}

	private void start(int n) {
		Random random = new Random(n);
		Instant due = Instant.now().plus(Duration.ofMinutes(random.nextInt(15 * 24 * 60) - 5 * 24 * 60));
		Map<String, Object> variables = new HashMap<>();
		// some work is assigned to the user directly: only ever in one of their own roles
		variables.put("role", n % 100 == 7 ? USER_ROLES.get(0) : "bench-role-" + (n % ROLES));
		variables.put("dueDate", random.nextInt(10) == 0 ? null : Date.from(due));
		variables.put("followUpDate", Date.from(due.minus(Duration.ofDays(1))));
		variables.put("priority", 25 * random.nextInt(5));
		variables.put("customerName", "Customer " + (n % 5000));
		String instanceId = runtimeService.startProcessInstanceByKey("bench-work", "BENCH-" + n, variables).getId();
		if (n % 100 == 7) {
			String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
			taskService.setAssignee(taskId, USER);
		}
	}

}
