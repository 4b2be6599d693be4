package dev.lodestar.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * One page of a list that is paged, counted and sorted on the server: the rows, which page
 * (counted from 1, as the URL says it), how many rows a page holds and how many there are in
 * all. A page's size never depends on how many rows the database holds.
 *
 * @param page the page shown, from 1
 * @param size rows per page
 * @param total rows in all pages
 */
public record ListPage<T>(List<T> items, int page, int size, long total) {

	/** The page sizes a list offers. */
	public static final List<Integer> SIZES = List.of(20, 50, 100, 200);

	/** The largest page any list serves. */
	public static final int MAX_SIZE = 200;

	public ListPage {
		items = List.copyOf(items);
	}

	/**
	 * A page request for page {@code page} (from 1) of {@code size} rows; a page below 1 or a
	 * size outside 1–{@value #MAX_SIZE} is invalid input naming the field.
	 */
	public static PageRequest request(int page, int size, Sort sort) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		if (page < 1) {
			errors.add(new InvalidInputException.FieldError("page", "must be 1 or more"));
		}
		if (size < 1 || size > MAX_SIZE) {
			errors.add(new InvalidInputException.FieldError("size", "must be between 1 and " + MAX_SIZE));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return PageRequest.of(page - 1, size, sort);
	}

	/** The page Spring Data answered, its rows mapped. */
	public static <E, T> ListPage<T> of(Page<E> page, Function<E, T> mapper) {
		return new ListPage<>(page.getContent().stream().map(mapper).toList(), page.getNumber() + 1, page.getSize(),
				page.getTotalElements());
	}

	/** How many pages there are (at least one, the empty one). */
	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/** The number of the first row shown (from 1), 0 when none. */
	public long from() {
		return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
	}

	/** The number of the last row shown. */
	public long to() {
		return items.isEmpty() ? 0 : from() + items.size() - 1;
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}

	/**
	 * The page numbers to link: the first, the last and two either side of this one, in order;
	 * a 0 stands for the gap between them. Never more than nine links, however many pages.
	 */
	public List<Integer> links() {
		var links = new ArrayList<Integer>();
		int last = pages();
		for (int n = 1; n <= last; n++) {
			if (n == 1 || n == last || Math.abs(n - page) <= 2) {
				links.add(n);
			}
			else if (!links.isEmpty() && links.get(links.size() - 1) != 0) {
				links.add(0);
			}
		}
		return links;
	}

}
