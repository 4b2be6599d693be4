package dev.lodestar.customer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A person we talk to at a customer. */
@Entity
@Table(name = "crm_contact")
class Contact {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "customer_id")
	private Customer customer;

	private String name;

	private String jobTitle;

	private String email;

	private String emailKey;

	private String phone;

	private String phoneKey;

	private Instant createdAt;

	protected Contact() {
	}

	Contact(Customer customer, String name, String jobTitle, String email, String phone, Instant now) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a contact needs a name");
		}
		this.customer = customer;
		this.name = name.strip();
		this.createdAt = now;
		fillBlanks(jobTitle, email, phone);
	}

	/** Same e-mail, or same name; a phone alone proves nothing (colleagues share a switchboard). */
	boolean sameAs(String otherName, String otherEmailKey) {
		if (otherEmailKey != null && emailKey != null) {
			return otherEmailKey.equals(emailKey);
		}
		return otherName != null && MatchKeys.name(otherName).equals(MatchKeys.name(name));
	}

	void fillBlanks(String newJobTitle, String newEmail, String newPhone) {
		if (jobTitle == null && newJobTitle != null && !newJobTitle.isBlank()) {
			jobTitle = newJobTitle.strip();
		}
		if (email == null && MatchKeys.email(newEmail) != null) {
			email = newEmail.strip();
			emailKey = MatchKeys.email(newEmail);
		}
		if (phone == null && newPhone != null && !newPhone.isBlank()) {
			phone = newPhone.strip();
			phoneKey = MatchKeys.phone(newPhone);
		}
	}

	/** The contact's name and keys, for its customer's search text ({@code null} where blank). */
	List<String> searchParts() {
		return java.util.Arrays.asList(name, emailKey, phoneKey);
	}

	void moveTo(Customer survivor) {
		this.customer = Objects.requireNonNull(survivor);
	}

	Long getId() {
		return id;
	}

	ContactSummary summary() {
		return new ContactSummary(id, name, jobTitle, email, phone);
	}

}
