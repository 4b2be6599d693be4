package dev.lodestar.worklist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the task list shows: a queue ({@code all}, {@code mine} or {@code role:<id>}), filters,
 * a sort and a page. Bound from request parameters by the page and the API alike; its query
 * string is what a saved filter stores.
 *
 * @param queue {@code all} (assigned to me or waiting in one of my roles' queues), {@code mine},
 *        or {@code role:<role id>} (the unassigned tasks of that role)
 * @param process a process definition key, or empty for all
 * @param overdue only tasks past their due date
 * @param dueSoon only tasks due within the configured window
 * @param minPriority only tasks with at least this priority
 * @param customer part of the customer's name
 * @param sort {@code due}, {@code followUp}, {@code priority}, {@code created} or {@code name}
 * @param dir {@code asc} or {@code desc}
 * @param page the page, from 0
 */
public record TaskFilter(String queue, String process, Boolean overdue, Boolean dueSoon, Integer minPriority,
		String customer, String sort, String dir, Integer page) {

	public TaskFilter {
		queue = blank(queue) ? "all" : queue.strip();
		process = blank(process) ? null : process.strip();
		overdue = Boolean.TRUE.equals(overdue);
		dueSoon = Boolean.TRUE.equals(dueSoon);
		customer = blank(customer) ? null : customer.strip();
		sort = blank(sort) ? "due" : sort.strip();
		dir = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
		page = page == null || page < 0 ? 0 : page;
	}

	static TaskFilter all() {
		return new TaskFilter(null, null, null, null, null, null, null, null, null);
	}

	public TaskFilter withPage(int newPage) {
		return new TaskFilter(queue, process, overdue, dueSoon, minPriority, customer, sort, dir, newPage);
	}

	public TaskFilter withQueue(String newQueue) {
		return new TaskFilter(newQueue, process, overdue, dueSoon, minPriority, customer, sort, dir, 0);
	}

	public TaskFilter sortedBy(String newSort) {
		String newDir = newSort.equals(sort) && "asc".equals(dir) ? "desc" : "asc";
		return new TaskFilter(queue, process, overdue, dueSoon, minPriority, customer, newSort, newDir, 0);
	}

	/** The filter as a query string (without the page), as saved filters keep it. */
	public String toQueryString() {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("queue", queue);
		params.put("process", process);
		params.put("overdue", overdue ? true : null);
		params.put("dueSoon", dueSoon ? true : null);
		params.put("minPriority", minPriority);
		params.put("customer", customer);
		params.put("sort", sort);
		params.put("dir", dir);
		return params.entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** The same filter on another page, as a query string. */
	public String queryForPage(int newPage) {
		return toQueryString() + "&page=" + newPage;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
