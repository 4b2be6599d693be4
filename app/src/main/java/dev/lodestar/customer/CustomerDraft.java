package dev.lodestar.customer;

/**
 * What a lead form, an import row or a call-centre agent knows about a customer who may or may
 * not exist yet.
 *
 * @param name the company name, or the person's name for a {@link CustomerKind#PERSON}
 * @param contactName the person we talk to, if any (becomes a contact)
 */
public record CustomerDraft(CustomerKind kind, String name, String contactName, String email, String phone,
		String region, String segment) {

	/** A company with one contact person. */
	public static CustomerDraft company(String company, String contactName, String email, String phone,
			String region) {
		return new CustomerDraft(CustomerKind.COMPANY, company, contactName, email, phone, region, null);
	}

}
