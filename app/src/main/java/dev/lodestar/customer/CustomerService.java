package dev.lodestar.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lodestar.customer.CustomerLink.Outcome;
import dev.lodestar.customer.CustomerMatch.Strength;
import dev.lodestar.system.ConflictException;
import dev.lodestar.system.EngineClock;
import dev.lodestar.system.InvalidInputException;
import dev.lodestar.system.ListPage;
import dev.lodestar.system.NotFoundException;

/**
 * The customer master's API. Every method joins the caller's transaction, so a lead and the
 * customer it creates or links are written together or not at all.
 *
 * <p>Matching rules ("enter once, use everywhere"): the same e-mail address (case-insensitive)
 * or the same phone number (its last ten digits) as an active customer or one of its contacts
 * means the same customer: {@link #createOrLink} links to it and creates nothing. A similar
 * name (after normalisation: case, accents, full-width forms, punctuation and legal forms such as
 * Ltd, GmbH, Inc, Co, 有限公司 ignored, see {@link MatchKeys#name}; then the same words in any
 * order, a typo or two, or one name inside the other, see {@link NameSimilarity}) only makes a
 * <em>likely</em> duplicate: the
 * new customer is created, and the resemblance is recorded for a person to
 * {@link #confirmDistinct confirm} or {@link #merge merge}. Nothing is ever duplicated silently.
 *
 * <p>Also under concurrency: each e-mail and phone key belongs to one customer ({@link ContactKeys},
 * a unique key), so of parallel captures of the same new person one creates the customer and
 * the others link to it.
 */
@Service
@Transactional
public class CustomerService {

	/** Customers sharing a block with a name that are scored, at most (a generous bound: a few hundred share a common one). */
	private static final int MAX_NAME_CANDIDATES = 2000;

	/** Likely duplicates recorded for one name, at most: the closest ones. */
	static final int MAX_NAME_MATCHES = 10;

	private final Customers customers;
	private final Interactions interactions;
	private final DuplicateSuspicions suspicions;
	private final ContactKeys keys;
	private final ObjectProvider<CustomerViewContributor> contributors;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final dev.lodestar.system.SystemTexts texts;
	private final CustomerMerger merger;

	CustomerService(Customers customers, Interactions interactions, DuplicateSuspicions suspicions,
			ContactKeys keys, ObjectProvider<CustomerViewContributor> contributors, ApplicationEventPublisher events,
			Optional<Clock> clock, dev.lodestar.system.SystemTexts texts, CustomerMerger merger) {
		this.texts = texts;
		this.merger = merger;
		this.keys = keys;
		this.customers = customers;
		this.interactions = interactions;
		this.suspicions = suspicions;
		this.contributors = contributors;
		this.events = events;
		this.clock = clock.orElse(EngineClock.INSTANCE);
	}

	/** The customer with this id (merged ones included: see {@link CustomerSummary#mergedIntoId()}). */
	@Transactional(readOnly = true)
	public Optional<CustomerSummary> find(long id) {
		return customers.findById(id).map(Customer::summary);
	}

	/** The customer with this id, or {@link NotFoundException}. */
	@Transactional(readOnly = true)
	public CustomerSummary get(long id) {
		return load(id).summary();
	}

	/** The id that a possibly merged customer lives on as. */
	@Transactional(readOnly = true)
	public long currentId(long id) {
		return active(id).getId();
	}

	/** The customer's preferred language ({@link CustomerLanguage}): {@code en} while not known. */
	@Transactional(readOnly = true)
	public String preferredLanguage(long id) {
		String language = active(id).getPreferredLanguage();
		return language == null ? CustomerLanguage.ENGLISH : language;
	}

	/** Sets the language only where none is known yet (a customer first met through a mail in Chinese). */
	@Transactional
	public void rememberLanguage(long id, String language) {
		Customer customer = active(id);
		if (customer.getPreferredLanguage() == null) {
			customer.prefer(language);
		}
	}

	/**
	 * Edits the customer's name, main e-mail and phone and preferred language; what changed is
	 * written on the customer's timeline as a note by {@code userId}.
	 */
	@Transactional
	public CustomerSummary edit(long id, CustomerEdit edit, String userId) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		if (edit == null || edit.name() == null || edit.name().isBlank()) {
			errors.add(new InvalidInputException.FieldError("name", "must not be blank"));
		}
		String language = null;
		if (edit != null) {
			if (edit.email() != null && !edit.email().isBlank() && MatchKeys.email(edit.email()) == null) {
				errors.add(new InvalidInputException.FieldError("email", "must be an e-mail address"));
			}
			if (edit.phone() != null && !edit.phone().isBlank() && MatchKeys.phone(edit.phone()) == null) {
				errors.add(new InvalidInputException.FieldError("phone", "must be a phone number"));
			}
			try {
				language = CustomerLanguage.code(edit.preferredLanguage());
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.errors());
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Customer customer = active(id);
		var changes = new ArrayList<String>();
		if (!edit.name().strip().equals(customer.getName())) {
			changes.add("name: " + customer.getName() + " → " + edit.name().strip());
			customer.rename(edit.name());
		}
		String email = blankToNull(edit.email());
		String phone = blankToNull(edit.phone());
		if (!java.util.Objects.equals(email, customer.getEmail()) || !java.util.Objects.equals(phone, customer.getPhone())) {
			if (!java.util.Objects.equals(email, customer.getEmail())) {
				changes.add("e-mail: " + dash(customer.getEmail()) + " → " + dash(email));
			}
			if (!java.util.Objects.equals(phone, customer.getPhone())) {
				changes.add("phone: " + dash(customer.getPhone()) + " → " + dash(phone));
			}
			customer.changeContact(email, phone);
			claimFreeKeys(customer.getId(), email, phone, clock.instant());
		}
		if (language != null && !language.equals(customer.getPreferredLanguage())) {
			changes.add("language: " + dash(customer.getPreferredLanguage()) + " → " + language);
			customer.prefer(language);
		}
		if (!changes.isEmpty()) {
			interactions.save(new Interaction(customer.getId(), new NewInteraction(InteractionType.NOTE, null, userId,
					null, "Customer edited: " + String.join("; ", changes), null, null, null), clock.instant()));
		}
		return customer.summary();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String dash(String value) {
		return value == null ? "–" : value;
	}

	/** A customer with its contacts. */
	@Transactional(readOnly = true)
	public CustomerDetails details(long id) {
		Customer customer = load(id);
		return new CustomerDetails(customer.summary(), customer.getContacts().stream().map(Contact::summary).toList());
	}

	/**
	 * Active customers whose name, e-mail or phone, or a contact's, contains the text (or whose
	 * number it is), by name: the first page of {@link #list}; all active customers by name when
	 * the text is blank.
	 */
	@Transactional(readOnly = true)
	public List<CustomerSummary> search(String text, int limit) {
		return list(new CustomerListQuery(text, CustomerSort.NAME, false, 1, Math.max(1, Math.min(limit, 200))))
			.items();
	}

	/**
	 * One page of the customer list, counted, sorted and filtered by the database: the active
	 * customers whose name, e-mail or phone, or a contact's, contains the text (in any case; the
	 * name also without accents and legal forms, the phone in any spelling of seven digits or
	 * more), or whose number it is ({@code #42}, or digits too few for a phone).
	 */
	@Transactional(readOnly = true)
	public ListPage<CustomerSummary> list(CustomerListQuery query) {
		var page = ListPage.request(query.page(), query.size(), query.sort().by(query.descending()));
		String text = query.text() == null ? "" : query.text().strip();
		if (text.isEmpty()) {
			return ListPage.of(customers.findByMergedIntoIdIsNull(page), Customer::summary);
		}
		var number = CUSTOMER_NUMBER.matcher(text);
		if (number.matches() && (text.startsWith("#") || number.group(1).length() < MatchKeys.MIN_PHONE_DIGITS)) {
			long id = dev.lodestar.system.FormValues.idOrEmpty(number.group(1)).orElse(-1L);
			return ListPage.of(customers.findByIdAndMergedIntoIdIsNull(id, page), Customer::summary);
		}
		String lower = text.toLowerCase(java.util.Locale.ROOT);
		String nameKey = MatchKeys.name(text);
		String phoneKey = MatchKeys.phone(text);
		return ListPage.of(customers.findActiveContaining(contains(lower), contains(nameKey.isEmpty() ? lower : nameKey),
				contains(phoneKey != null ? phoneKey : lower), -1, page), Customer::summary);
	}

	/**
	 * Every row of the list the query describes (all its pages, in its order, at most
	 * {@code max}), handed over a page at a time so that memory does not grow with the list.
	 */
	@Transactional(readOnly = true)
	public void export(CustomerListQuery query, int max, java.util.function.Consumer<CustomerSummary> row) {
		int handed = 0;
		for (int page = 1;; page++) {
			var rows = list(query.atPage(page));
			for (CustomerSummary summary : rows.items()) {
				if (handed++ >= max) {
					return;
				}
				row.accept(summary);
			}
			if (!rows.hasNext()) {
				return;
			}
		}
	}

	private static final java.util.regex.Pattern CUSTOMER_NUMBER = java.util.regex.Pattern.compile("#?\\s*(\\d+)");

	/** A LIKE pattern for "contains", its wildcards escaped (the queries declare {@code escape '\'}). */
	private static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * Existing active customers that resemble the given name, e-mail and phone (any may be
	 * {@code null}): certain matches (e-mail, phone) first, then likely ones (name).
	 */
	@Transactional(readOnly = true)
	public List<CustomerMatch> match(String name, String email, String phone) {
		var certain = certainMatches(email, phone);
		var result = new ArrayList<CustomerMatch>();
		certain.forEach((customer, reasons) -> result.add(new CustomerMatch(customer.summary(), Strength.CERTAIN, reasons)));
		for (Customer customer : nameMatches(name)) {
			if (!certain.containsKey(customer)) {
				result.add(new CustomerMatch(customer.summary(), Strength.LIKELY, List.of("name")));
			}
		}
		return result;
	}

	/** The active customer with this e-mail address (on the customer or a contact), for call-centre intake. */
	@Transactional(readOnly = true)
	public Optional<CustomerSummary> lookupByEmail(String email) {
		String key = MatchKeys.email(email);
		return key == null ? Optional.empty()
				: customers.findActiveByEmailKey(key).stream().findFirst().map(Customer::summary);
	}

	/** The active customer with this phone number (any spelling), for call-centre intake. */
	@Transactional(readOnly = true)
	public Optional<CustomerSummary> lookupByPhone(String phone) {
		String key = MatchKeys.phone(phone);
		return key == null ? Optional.empty()
				: customers.findActiveByPhoneKey(key).stream().findFirst().map(Customer::summary);
	}

	/**
	 * Attaches a new lead or caller to the customer master: links to the existing customer with
	 * the same e-mail or phone (adding the contact person if new), or creates a customer and
	 * records any customers with a similar name as likely duplicates.
	 */
	public CustomerLink createOrLink(CustomerDraft draft, String userId) {
		if (draft == null || draft.name() == null || draft.name().isBlank()) {
			throw new InvalidInputException("name", "must not be blank");
		}
		var now = clock.instant();
		var certain = certainMatches(draft.email(), draft.phone());
		if (!certain.isEmpty()) {
			var first = certain.entrySet().iterator().next();
			return link(first.getKey(), first.getValue(), draft, now);
		}
		CustomerKind kind = draft.kind() != null ? draft.kind() : CustomerKind.COMPANY;
		Customer customer = customers.save(new Customer(kind, draft.name(), draft.email(), draft.phone(),
				draft.region(), draft.segment(), userId, now));
		customers.flush();
		var winner = claimKeys(customer, now);
		if (winner.isPresent()) {
			// a parallel capture of the same person was first: its customer is the one
			keys.release(customer.getId());
			customers.delete(customer);
			customers.flush();
			return link(winner.get().customer(), List.of(winner.get().reason()), draft, now);
		}
		if (draft.contactName() != null && !draft.contactName().isBlank()) {
			customer.addContact(draft.contactName(), null, draft.email(), draft.phone(), now);
		}
		var likely = new ArrayList<CustomerMatch>();
		for (Customer similar : nameMatches(draft.name())) {
			if (!similar.getId().equals(customer.getId())) {
				suspicions.save(new DuplicateSuspicion(customer.getId(), similar.getId(), "name", now));
				likely.add(new CustomerMatch(similar.summary(), Strength.LIKELY, List.of("name")));
			}
		}
		customers.flush();
		return new CustomerLink(customer.summary(),
				likely.isEmpty() ? Outcome.CREATED : Outcome.CREATED_LIKELY_DUPLICATE, List.of(), likely);
	}

	private CustomerLink link(Customer customer, List<String> reasons, CustomerDraft draft, Instant now) {
		if (draft.contactName() != null && !draft.contactName().isBlank()) {
			customer.addContact(draft.contactName(), null, draft.email(), draft.phone(), now);
		}
		claimFreeKeys(customer.getId(), draft.email(), draft.phone(), now);
		return new CustomerLink(customer.summary(), Outcome.LINKED, reasons, List.of());
	}

	private record Winner(Customer customer, String reason) {
	}

	/** Claims the new customer's own keys; the customer that owns one of them already, if any. */
	private Optional<Winner> claimKeys(Customer customer, Instant now) {
		for (String kind : List.of(ContactKeys.EMAIL, ContactKeys.PHONE)) {
			String key = ContactKeys.EMAIL.equals(kind) ? customer.getEmailKey() : customer.getPhoneKey();
			if (key == null) {
				continue;
			}
			long owner = keys.claim(kind, key, customer.getId(), now);
			if (owner != customer.getId().longValue()) {
				return Optional.of(new Winner(active(owner), kind));
			}
		}
		return Optional.empty();
	}

	/** A contact's keys go to its customer when nobody owns them yet (somebody else's stay theirs). */
	private void claimFreeKeys(long customerId, String email, String phone, Instant now) {
		customers.flush();
		String emailKey = MatchKeys.email(email);
		if (emailKey != null) {
			keys.claim(ContactKeys.EMAIL, emailKey, customerId, now);
		}
		String phoneKey = MatchKeys.phone(phone);
		if (phoneKey != null) {
			keys.claim(ContactKeys.PHONE, phoneKey, customerId, now);
		}
	}

	/** Adds a contact person (an existing one with the same e-mail or name is reused and completed). */
	public ContactSummary addContact(long customerId, NewContact contact) {
		if (contact == null || contact.name() == null || contact.name().isBlank()) {
			throw new InvalidInputException("name", "must not be blank");
		}
		Customer customer = active(customerId);
		Contact saved = customer.addContact(contact.name(), contact.jobTitle(), contact.email(), contact.phone(),
				clock.instant());
		claimFreeKeys(customer.getId(), contact.email(), contact.phone(), clock.instant());
		return saved.summary();
	}

	/** Logs an interaction on the customer (on the surviving customer if this one was merged). */
	public InteractionEntry logInteraction(long customerId, NewInteraction entry) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		if (entry == null || entry.type() == null) {
			errors.add(new InvalidInputException.FieldError("type", "must be one of " + List.of(InteractionType.values())));
		}
		if (entry == null || entry.summaryText() == null && (entry.summary() == null || entry.summary().isBlank())) {
			errors.add(new InvalidInputException.FieldError("summary", "must not be blank"));
		}
		if (entry == null || entry.recordedBy() == null || entry.recordedBy().isBlank()) {
			errors.add(new InvalidInputException.FieldError("recordedBy", "must not be blank"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Customer customer = active(customerId);
		var saved = interactions.save(new Interaction(customer.getId(), english(entry), clock.instant())).entry();
		customer.seenAt(saved.occurredAt());
		return saved;
	}

	/**
	 * What the application wrote, also in English in the summary and outcome columns (for readers of
	 * the table and of older versions); pages render the codes in the reader's language.
	 */
	private NewInteraction english(NewInteraction entry) {
		if (entry.summaryText() == null && entry.outcomeText() == null) {
			return entry;
		}
		return new NewInteraction(entry.type(), entry.occurredAt(), entry.recordedBy(), entry.contactName(),
				entry.summaryText() != null ? texts.render(entry.summaryText(), java.util.Locale.ENGLISH) : entry.summary(),
				entry.outcomeText() != null ? texts.render(entry.outcomeText(), java.util.Locale.ENGLISH) : entry.outcome(),
				entry.subjectType(), entry.subjectId(), entry.summaryText(), entry.outcomeText());
	}

	/**
	 * Logs an interaction a user writes through the API: one about a case (a lead, a complaint)
	 * needs the right to see that case, as the module owning it rules (404 when there is no such
	 * case, 403 when the user may not see it, 400 when it is another customer's or no module owns
	 * the subject type). {@link #logInteraction} is for the modules' own records.
	 */
	@Transactional
	public InteractionEntry writeInteraction(long customerId, NewInteraction entry) {
		Customer customer = active(customerId);
		if (entry != null && (entry.subjectType() != null || entry.subjectId() != null)) {
			checkSubject(customer.getId(), entry);
		}
		return logInteraction(customer.getId(), entry);
	}

	private void checkSubject(long customerId, NewInteraction entry) {
		if (entry.subjectType() == null || entry.subjectType().isBlank()) {
			throw new InvalidInputException("subjectType", "must be given with subjectId");
		}
		if (entry.subjectId() == null || entry.subjectId().isBlank()) {
			throw new InvalidInputException("subjectId", "must be given with subjectType");
		}
		SubjectAccess access = contributors.orderedStream()
			.map(c -> c.mayWriteAbout(entry.subjectType(), entry.subjectId(), customerId, entry.recordedBy()))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("subjectType", "must be lead or complaint"));
		switch (access) {
			case GRANTED -> {
			}
			case UNKNOWN -> throw new NotFoundException(entry.subjectType(), entry.subjectId());
			case OTHER_CUSTOMER -> throw new InvalidInputException("subjectId",
					"is not a " + entry.subjectType() + " of customer " + customerId);
			case FORBIDDEN -> throw new org.springframework.security.access.AccessDeniedException(
					"you may not see " + entry.subjectType() + " " + entry.subjectId());
		}
	}

	/**
	 * The customer's interaction log as this user may see it, newest first: an interaction about a
	 * case (a complaint, a lead) is shown only to those who may read that module's section of the
	 * 360° view. There is no unfiltered log: every page and case panel shows it as its reader may see it.
	 */
	@Transactional(readOnly = true)
	public List<InteractionEntry> interactions(long customerId, int limit, String userId) {
		Customer customer = active(customerId);
		var allowed = new java.util.HashMap<String, Boolean>();
		return interactions
			.findByCustomerIdOrderByOccurredAtDescIdDesc(customer.getId(),
					PageRequest.of(0, Math.max(1, Math.min(limit * 4, 2000))))
			.stream()
			.map(Interaction::entry)
			.filter(entry -> entry.subjectType() == null
					|| allowed.computeIfAbsent(entry.subjectType(), type -> mayReadAbout(type, userId)))
			.limit(Math.max(1, limit))
			.toList();
	}

	private boolean mayReadAbout(String subjectType, String userId) {
		return contributors.orderedStream()
			.map(contributor -> contributor.mayReadInteractionsAbout(subjectType, userId))
			.flatMap(Optional::stream)
			.reduce(Boolean::logicalAnd)
			.orElse(true);
	}

	/** The interactions logged about one case ("lead", "42"), newest first. */
	@Transactional(readOnly = true)
	public List<InteractionEntry> interactionsAbout(String subjectType, String subjectId, int limit) {
		return interactions
			.findBySubjectTypeAndSubjectIdOrderByOccurredAtDescIdDesc(subjectType, subjectId,
					PageRequest.of(0, Math.max(1, limit)))
			.stream()
			.map(Interaction::entry)
			.toList();
	}

	/** The open possible duplicates of a customer: customers a person should compare with it. */
	@Transactional(readOnly = true)
	public List<CustomerMatch> possibleDuplicates(long customerId) {
		var result = new ArrayList<CustomerMatch>();
		for (DuplicateSuspicion suspicion : suspicions.findOpenConcerning(customerId)) {
			customers.findById(suspicion.otherThan(customerId))
				.filter(other -> !other.isMerged())
				.ifPresent(other -> result.add(new CustomerMatch(other.summary(), Strength.LIKELY,
						List.of(suspicion.getReasons().split(",")))));
		}
		return result;
	}

	/** A person looked and says the two customers are different: the resemblance is closed. */
	public void confirmDistinct(long customerId, long otherId, String userId) {
		var open = suspicions.findBetween(customerId, otherId)
			.stream()
			.filter(s -> s.getStatus() == DuplicateSuspicion.Status.OPEN)
			.toList();
		if (open.isEmpty()) {
			throw new ConflictException("There is no open possible duplicate between customers " + customerId
					+ " and " + otherId + ".");
		}
		open.forEach(s -> s.resolve(DuplicateSuspicion.Status.CONFIRMED_DISTINCT, userId, clock.instant()));
		events.publishEvent(new CustomersKeptDistinct(customerId, otherId, userId));
	}

	/**
	 * Merges a duplicate into the surviving customer: contacts, interactions, contact keys,
	 * attachments and blank fields move over, the duplicate is marked merged (never deleted, its
	 * id may be cited elsewhere), and {@link CustomersMerged} tells other modules to re-point their
	 * records. The merge is recorded and can be {@link #undoMerge undone} for 24 hours. For a
	 * decision already taken (the lead's duplicate review); a person on the customer page sees a
	 * {@link #mergePreview preview} first and {@link #mergeConfirmed confirms} it.
	 */
	public CustomerSummary merge(long duplicateId, long survivorId, String userId) {
		return merger.merge(duplicateId, survivorId, userId, null, clock.instant());
	}

	/**
	 * What merging the duplicate into the survivor would do: the survivor as it would look, what
	 * moves, the conflicting values and which is kept, and the version a confirmation carries.
	 */
	@Transactional(readOnly = true)
	public MergePreview mergePreview(long duplicateId, long survivorId) {
		return merger.preview(duplicateId, survivorId, clock.instant());
	}

	/**
	 * {@link #merge}, confirmed by a person who saw the {@link #mergePreview preview} of this
	 * {@code version}: when either customer or what would move changed since, 409 and nothing
	 * is merged.
	 */
	public CustomerSummary mergeConfirmed(long duplicateId, long survivorId, String version, String userId) {
		if (version == null || version.isBlank()) {
			throw new InvalidInputException("version", "must be the version of the merge preview");
		}
		return merger.merge(duplicateId, survivorId, userId, version.strip(), clock.instant());
	}

	/** The merges into this customer, newest first, each with whether it can still be undone. */
	@Transactional(readOnly = true)
	public List<MergeRecord> mergesInto(long survivorId) {
		load(survivorId);
		return merger.mergesInto(survivorId, clock.instant());
	}

	/**
	 * Undoes a merge into this customer within 24 hours of it: the absorbed customer comes back
	 * with its contacts, and every interaction, lead, opportunity, complaint and attachment that
	 * moved goes back ({@link CustomerMergeUndone}); both timelines note the undo. 409 naming why
	 * after 24 hours, once undone, or when a change since makes it unsafe.
	 *
	 * @return the customer that is back
	 */
	public CustomerSummary undoMerge(long survivorId, long mergeId, String userId) {
		return merger.undo(survivorId, mergeId, userId, clock.instant());
	}

	/**
	 * The 360° view of a customer (of the survivor, if it was merged) as this user may see it:
	 * master data, contacts, the newest interactions, open possible duplicates and the sections
	 * contributed by the modules that own customer cases.
	 */
	@Transactional(readOnly = true)
	public Customer360 view(long customerId, String userId) {
		Customer customer = active(customerId);
		long id = customer.getId();
		var sections = contributors.orderedStream()
			.map(contributor -> contributor.section(id, userId))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparingInt(CustomerViewSection::order).thenComparing(CustomerViewSection::key))
			.toList();
		return new Customer360(customer.summary(), customer.getContacts().stream().map(Contact::summary).toList(),
				interactions(id, 50, userId), possibleDuplicates(id), sections);
	}

	private Customer load(long id) {
		return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
	}

	/** Follows merges to the customer that lives on. */
	private Customer active(long id) {
		Customer customer = load(id);
		for (int hops = 0; customer.isMerged() && hops < 20; hops++) {
			customer = load(customer.getMergedIntoId());
		}
		return customer;
	}

	private Map<Customer, List<String>> certainMatches(String email, String phone) {
		var result = new LinkedHashMap<Customer, List<String>>();
		String emailKey = MatchKeys.email(email);
		if (emailKey != null) {
			customers.findActiveByEmailKey(emailKey).forEach(c -> result.computeIfAbsent(c, k -> new ArrayList<>()).add("email"));
		}
		String phoneKey = MatchKeys.phone(phone);
		if (phoneKey != null) {
			customers.findActiveByPhoneKey(phoneKey).forEach(c -> result.computeIfAbsent(c, k -> new ArrayList<>()).add("phone"));
		}
		return result;
	}

	/**
	 * Active customers whose name resembles this one ({@link NameSimilarity}), closest first (the
	 * same score by id), at most {@link #MAX_NAME_MATCHES}: the candidates come from the
	 * database by the name's blocks (never all customers), and are scored here.
	 */
	private List<Customer> nameMatches(String name) {
		String key = MatchKeys.name(name);
		if (!NameSimilarity.matchable(key)) {
			return List.of();
		}
		var scores = new java.util.HashMap<Long, Double>();
		for (Object[] candidate : customers.findActiveNameKeysByBlocks(NameSimilarity.blocks(key),
				PageRequest.of(0, MAX_NAME_CANDIDATES))) {
			double score = NameSimilarity.score(key, (String) candidate[1]);
			if (score > NameSimilarity.NONE) {
				scores.put(((Number) candidate[0]).longValue(), score);
			}
		}
		var best = scores.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(MAX_NAME_MATCHES)
			.map(Map.Entry::getKey)
			.toList();
		var byId = new java.util.HashMap<Long, Customer>();
		customers.findAllById(best).forEach(customer -> byId.put(customer.getId(), customer));
		return best.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

}
