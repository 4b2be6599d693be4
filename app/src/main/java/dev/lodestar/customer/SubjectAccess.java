package dev.lodestar.customer;

/**
 * What a module answers when somebody writes about one of its cases (an interaction about a lead
 * or a complaint): whether the case exists, belongs to the customer, and may be seen by the writer.
 */
public enum SubjectAccess {

	/** The case exists, is the customer's, and the writer may see it. */
	GRANTED,

	/** No such case: 404. */
	UNKNOWN,

	/** The case is another customer's: 400 naming {@code subjectId}. */
	OTHER_CUSTOMER,

	/** The writer may not see the case: 403. */
	FORBIDDEN

}
