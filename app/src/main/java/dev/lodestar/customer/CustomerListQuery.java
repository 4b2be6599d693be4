package dev.lodestar.customer;

/**
 * What the customer list shows: the active customers whose name, e-mail or phone (or a
 * contact's) contains {@code text}, or whose number it is; all of them without text.
 *
 * @param text blank for all; {@code #42} or a number of fewer than seven digits means customer number 42
 * @param page from 1
 */
public record CustomerListQuery(String text, CustomerSort sort, boolean descending, int page, int size) {

	public CustomerListQuery {
		sort = sort == null ? CustomerSort.NAME : sort;
	}

	/** The same list at another page. */
	public CustomerListQuery atPage(int other) {
		return new CustomerListQuery(text, sort, descending, other, size);
	}

}
