package dev.lodestar.system;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a list page that keep its state in the URL: the same query string with another
 * page, size or order. Relative (path and query), so they hold behind any proxy.
 */
public final class ListLinks {

	private final String path;
	private final String query;

	private ListLinks(String path, String query) {
		this.path = path;
		this.query = query;
	}

	/** The links of the request being answered. */
	public static ListLinks ofCurrentRequest() {
		var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		return new ListLinks(request.getRequestURI(), request.getQueryString());
	}

	/** This list at page {@code page}. */
	public String page(int page) {
		return with("page", String.valueOf(page));
	}

	/** This list from page 1 with {@code size} rows a page. */
	public String size(int size) {
		return builder().replaceQueryParam("size", size).replaceQueryParam("page").build(true).toUriString();
	}

	/**
	 * This list from page 1 ordered by {@code sort}: the other way round when it is ordered by it
	 * already ({@code currentSort}, {@code currentDir}), ascending otherwise.
	 */
	public String sortBy(String sort, String currentSort, String currentDir) {
		String dir = sort.equals(currentSort) && "asc".equals(currentDir) ? "desc" : "asc";
		return builder().replaceQueryParam("sort", sort)
			.replaceQueryParam("dir", dir)
			.replaceQueryParam("page")
			.build(true)
			.toUriString();
	}

	/** Another path (an export) with this list's query, without its page and size. */
	public String at(String otherPath) {
		return UriComponentsBuilder.fromPath(otherPath)
			.query(query)
			.replaceQueryParam("page")
			.replaceQueryParam("size")
			.build(true)
			.toUriString();
	}

	private String with(String name, String value) {
		return builder().replaceQueryParam(name, value).build(true).toUriString();
	}

	private UriComponentsBuilder builder() {
		return UriComponentsBuilder.fromPath(path).query(query);
	}

}
