package dev.lodestar.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.lodestar.system.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A company or person we do business with, and its contacts. */
@Entity
@Table(name = "crm_customer")
class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private CustomerKind kind;

	private String name;

	private String nameKey;

	private String email;

	private String emailKey;

	private String phone;

	private String phoneKey;

	private String region;

	private String segment;

	private Long mergedIntoId;

	private Instant createdAt;

	private String createdBy;

	/** What the customer list searches: names, e-mail and phone keys of the customer and its contacts. */
	private String searchText;

	/** The earliest of its creation and its history: "customer since" ({@link #seenAt}). */
	private Instant customerSince;

	@Version
	private long version;

	/** What matching finds this customer by ({@link NameSimilarity#blocks}), one row each in {@code crm_customer_name_block}. */
	@jakarta.persistence.ElementCollection
	@jakarta.persistence.CollectionTable(name = "crm_customer_name_block",
			joinColumns = @jakarta.persistence.JoinColumn(name = "customer_id"))
	@jakarta.persistence.Column(name = "block")
	private java.util.Set<String> nameBlocks = new java.util.HashSet<>();

	/** {@code en} or {@code zh-CN}; {@code null} while not known (then English). */
	private String preferredLanguage;

	@OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
	@OrderBy("id")
	private List<Contact> contacts = new ArrayList<>();

	protected Customer() {
	}

	Customer(CustomerKind kind, String name, String email, String phone, String region, String segment,
			String createdBy, Instant now) {
		this.kind = kind;
		rename(name);
		this.email = blankToNull(email);
		this.emailKey = MatchKeys.email(email);
		this.phone = blankToNull(phone);
		this.phoneKey = MatchKeys.phone(phone);
		this.region = blankToNull(region);
		this.segment = blankToNull(segment);
		this.createdBy = createdBy;
		this.createdAt = now;
		this.customerSince = now;
		refreshSearchText();
	}

	/**
	 * History older than the customer's record arrived (a lead captured, a complaint received, an
	 * interaction that happened before): the customer is a customer since then. The one place
	 * that computes "customer since", so that it is never later than the customer's own timeline.
	 */
	void seenAt(Instant when) {
		if (when != null && (customerSince == null || when.isBefore(customerSince.minus(SAME_MOMENT)))) {
			customerSince = when;
		}
	}

	/**
	 * History this close to "customer since" is the same moment: parallel captures of one person
	 * each log an interaction stamped a little before the winner created the customer, and
	 * rewriting its row for that would make them collide on its version (409 instead of a link).
	 */
	private static final java.time.Duration SAME_MOMENT = java.time.Duration.ofMinutes(1);

	void rename(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a customer needs a name");
		}
		this.name = name.strip();
		this.nameKey = MatchKeys.name(name);
		var blocks = NameSimilarity.blocks(nameKey);
		nameBlocks.retainAll(blocks);
		nameBlocks.addAll(blocks);
		refreshSearchText();
	}

	/** The language every mail and page to this customer uses: {@code en} or {@code zh-CN}. */
	void prefer(String language) {
		requireActive();
		this.preferredLanguage = CustomerLanguage.code(language);
	}

	/** New main e-mail and phone (blank removes one); the match keys follow. */
	void changeContact(String newEmail, String newPhone) {
		requireActive();
		this.email = blankToNull(newEmail);
		this.emailKey = MatchKeys.email(newEmail);
		this.phone = blankToNull(newPhone);
		this.phoneKey = MatchKeys.phone(newPhone);
		refreshSearchText();
	}

	String getPreferredLanguage() {
		return preferredLanguage;
	}

	String getEmail() {
		return email;
	}

	String getPhone() {
		return phone;
	}

	/** Adds a contact unless one with the same e-mail or name is already there. */
	Contact addContact(String contactName, String jobTitle, String contactEmail, String contactPhone, Instant now) {
		requireActive();
		String emailKey = MatchKeys.email(contactEmail);
		for (Contact existing : contacts) {
			if (existing.sameAs(contactName, emailKey)) {
				existing.fillBlanks(jobTitle, contactEmail, contactPhone);
				refreshSearchText();
				return existing;
			}
		}
		Contact contact = new Contact(this, contactName, jobTitle, contactEmail, contactPhone, now);
		contacts.add(contact);
		refreshSearchText();
		return contact;
	}

	/**
	 * The values a merge may change on the survivor, to show in a preview and to put back when the
	 * merge is undone.
	 */
	record Values(String email, String emailKey, String phone, String phoneKey, String region, String segment,
			String preferredLanguage, Instant customerSince) {
	}

	Values values() {
		return new Values(email, emailKey, phone, phoneKey, region, segment, preferredLanguage, customerSince);
	}

	/**
	 * What this customer's values become when it absorbs the duplicate: its own values are kept,
	 * its blanks take the duplicate's, and it is a customer since the earlier of the two dates.
	 */
	Values valuesAfterAbsorbing(Customer duplicate) {
		boolean takeEmail = email == null;
		boolean takePhone = phone == null;
		return new Values(takeEmail ? duplicate.email : email, takeEmail ? duplicate.emailKey : emailKey,
				takePhone ? duplicate.phone : phone, takePhone ? duplicate.phoneKey : phoneKey,
				region != null ? region : duplicate.region, segment != null ? segment : duplicate.segment,
				preferredLanguage != null ? preferredLanguage : duplicate.preferredLanguage,
				duplicate.customerSince != null && duplicate.customerSince.isBefore(customerSince) ? duplicate.customerSince
						: customerSince);
	}

	private void apply(Values values) {
		email = values.email();
		emailKey = values.emailKey();
		phone = values.phone();
		phoneKey = values.phoneKey();
		region = values.region();
		segment = values.segment();
		preferredLanguage = values.preferredLanguage();
		customerSince = values.customerSince();
		refreshSearchText();
	}

	/** Takes over everything the duplicate knows and we do not: its contacts and blank fields. */
	void absorb(Customer duplicate) {
		requireActive();
		duplicate.requireActive();
		if (duplicate.id.equals(id)) {
			throw new ConflictException("A customer cannot be merged into itself.");
		}
		apply(valuesAfterAbsorbing(duplicate));
		for (Contact contact : List.copyOf(duplicate.contacts)) {
			duplicate.contacts.remove(contact);
			contact.moveTo(this);
			contacts.add(contact);
		}
		duplicate.mergedIntoId = id;
		refreshSearchText();
		duplicate.refreshSearchText();
	}

	/**
	 * Undoes {@link #absorb}: this absorbed customer is active again with the contacts that came
	 * from it, and the survivor has its values from before the merge back.
	 */
	void separateFrom(Customer survivor, java.util.Collection<Long> contactIds, Values survivorBefore) {
		if (!survivor.id.equals(mergedIntoId)) {
			throw new MergeConflict("customers.problem.undo.done",
					"Customer " + id + " is not merged into customer " + survivor.id + " (any more).");
		}
		survivor.requireActive();
		for (Contact contact : List.copyOf(survivor.contacts)) {
			if (contactIds.contains(contact.getId())) {
				survivor.contacts.remove(contact);
				contact.moveTo(this);
				contacts.add(contact);
			}
		}
		survivor.apply(survivorBefore);
		mergedIntoId = null;
		refreshSearchText();
	}

	/**
	 * The lower-cased text the customer list searches with "contains": the name as written and as
	 * its match key, the e-mail and phone keys, and each contact's name and keys (the same form as
	 * the backfill of migration V130).
	 */
	private void refreshSearchText() {
		var parts = new ArrayList<String>();
		parts.add(name);
		parts.add(nameKey);
		parts.add(emailKey);
		parts.add(phoneKey);
		for (Contact contact : contacts) {
			parts.addAll(contact.searchParts());
		}
		this.searchText = parts.stream()
			.filter(java.util.Objects::nonNull)
			.map(part -> part.toLowerCase(java.util.Locale.ROOT))
			.collect(java.util.stream.Collectors.joining(" | "));
	}

	void requireActive() {
		if (mergedIntoId != null) {
			throw new ConflictException("Customer " + id + " was merged into customer " + mergedIntoId + ".");
		}
	}

	boolean isMerged() {
		return mergedIntoId != null;
	}

	CustomerSummary summary() {
		return new CustomerSummary(id, kind, name, email, phone, region, segment, mergedIntoId, createdAt,
				customerSince);
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	String getNameKey() {
		return nameKey;
	}

	String getEmailKey() {
		return emailKey;
	}

	String getPhoneKey() {
		return phoneKey;
	}

	Long getMergedIntoId() {
		return mergedIntoId;
	}

	long getVersion() {
		return version;
	}

	List<Contact> getContacts() {
		return contacts;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
