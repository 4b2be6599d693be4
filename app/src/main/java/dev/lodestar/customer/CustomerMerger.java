package dev.lodestar.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lodestar.attachment.AttachmentService;
import dev.lodestar.system.NotFoundException;
import dev.lodestar.system.SystemText;
import dev.lodestar.system.SystemTexts;

/**
 * Merges, previews and undoes merges for {@link CustomerService} (its API). A merge records what
 * it moved ({@link CustomerMerge}): the absorbed customer's contacts, interactions, contact keys
 * and attachments, the other modules' records (their ids as {@link CustomerRecords} name them; the
 * modules move them on {@link CustomersMerged}) and the survivor's values before. An undo within
 * 24 hours moves exactly those back, or refuses (409) when something changed since that it
 * would undo with them.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class CustomerMerger {

	/** Largest id list in one statement (PostgreSQL takes at most 32767 parameters). */
	private static final int CHUNK = 1000;

	private final Customers customers;
	private final Interactions interactions;
	private final DuplicateSuspicions suspicions;
	private final ContactKeys keys;
	private final CustomerMerges merges;
	private final ObjectProvider<CustomerRecords> records;
	private final AttachmentService attachments;
	private final ApplicationEventPublisher events;
	private final SystemTexts texts;
	private final ObjectMapper json;

	CustomerMerger(Customers customers, Interactions interactions, DuplicateSuspicions suspicions, ContactKeys keys,
			CustomerMerges merges, ObjectProvider<CustomerRecords> records, AttachmentService attachments,
			ApplicationEventPublisher events, SystemTexts texts, ObjectMapper json) {
		this.customers = customers;
		this.interactions = interactions;
		this.suspicions = suspicions;
		this.keys = keys;
		this.merges = merges;
		this.records = records;
		this.attachments = attachments;
		this.events = events;
		this.texts = texts;
		this.json = json;
	}

	/** What moved, kept as JSON on the merge record. */
	record Moves(List<Long> contacts, List<Long> interactions, List<ContactKeys.Key> keys, List<Long> attachments,
			Map<String, List<Long>> records, List<Long> suspicionsSettled, List<Long> suspicionsOpened,
			Customer.Values survivorAfter) {
	}

	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	MergePreview preview(long duplicateId, long survivorId, Instant now) {
		Customer duplicate = load(duplicateId);
		Customer survivor = load(survivorId);
		check(duplicate, survivor);
		return preview(duplicate, survivor, now);
	}

	private MergePreview preview(Customer duplicate, Customer survivor, Instant now) {
		var after = survivor.valuesAfterAbsorbing(duplicate);
		var result = new CustomerSummary(survivor.getId(), survivor.summary().kind(), survivor.getName(), after.email(),
				after.phone(), after.region(), after.segment(), null, survivor.summary().createdAt(), after.customerSince());
		var contacts = new ArrayList<ContactSummary>();
		survivor.getContacts().forEach(c -> contacts.add(c.summary()));
		duplicate.getContacts().forEach(c -> contacts.add(c.summary()));
		var moving = new TreeMap<String, Integer>();
		recordsOf(duplicate.getId()).forEach((kind, ids) -> {
			if (!ids.isEmpty()) {
				moving.put(kind, ids.size());
			}
		});
		List<Long> files = attachments.idsOf(CustomerAttachments.KIND, duplicate.getId());
		if (!files.isEmpty()) {
			moving.put("attachments", files.size());
		}
		List<Long> timeline = interactions.idsOf(duplicate.getId());
		var conflicts = new ArrayList<MergePreview.Conflict>();
		conflict(conflicts, "name", survivor.getName(), duplicate.getName());
		conflict(conflicts, "email", survivor.getEmail(), duplicate.getEmail());
		conflict(conflicts, "phone", survivor.getPhone(), duplicate.getPhone());
		conflict(conflicts, "region", survivor.summary().region(), duplicate.summary().region());
		conflict(conflicts, "segment", survivor.summary().segment(), duplicate.summary().segment());
		conflict(conflicts, "language", survivor.getPreferredLanguage(), duplicate.getPreferredLanguage());
		// the version covers everything the preview shows and everything the merge would move
		String version = fingerprint(survivor.getVersion(), duplicate.getVersion(), contacts, timeline, moving, files,
				recordsOf(duplicate.getId()));
		return new MergePreview(survivor.summary(), duplicate.summary(), result, contacts,
				duplicate.getContacts().size(), timeline.size(), moving, conflicts, version,
				now.plus(CustomerMerge.UNDO_WINDOW));
	}

	private static void conflict(List<MergePreview.Conflict> conflicts, String field, String kept, String other) {
		if (kept != null && other != null && !kept.equalsIgnoreCase(other)) {
			conflicts.add(new MergePreview.Conflict(field, kept, other));
		}
	}

	private static String fingerprint(Object... parts) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(java.util.Arrays.deepToString(parts).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Merges the duplicate into the survivor; with {@code expectedVersion} (a person confirming a
	 * preview) only if nothing changed since the preview. The two customers are locked first, in
	 * the order of their numbers, so of two merges at once the second finds the first one's work
	 * and answers 409.
	 */
	CustomerSummary merge(long duplicateId, long survivorId, String userId, String expectedVersion, Instant now) {
		Customer first = lock(Math.min(duplicateId, survivorId));
		Customer second = lock(Math.max(duplicateId, survivorId));
		Customer duplicate = first.getId() == duplicateId ? first : second;
		Customer survivor = first.getId() == duplicateId ? second : first;
		check(duplicate, survivor);
		if (expectedVersion != null) {
			String current = preview(duplicate, survivor, now).version();
			if (!current.equals(expectedVersion)) {
				throw new MergeConflict("customers.problem.merge.changed", "Customer " + duplicateId + " or customer "
						+ survivorId + " changed since the preview (version " + expectedVersion + ", now " + current
						+ "): look at the new preview and confirm again.");
			}
		}
		var before = survivor.values();
		List<Long> contactIds = duplicate.getContacts().stream().map(Contact::getId).toList();
		List<Long> timeline = interactions.idsOf(duplicateId);
		List<ContactKeys.Key> ownKeys = keys.keysOf(duplicateId);
		List<Long> files = attachments.idsOf(CustomerAttachments.KIND, duplicateId);
		Map<String, List<Long>> moved = recordsOf(duplicateId);

		survivor.absorb(duplicate);
		customers.flush();
		keys.moveAll(duplicateId, survivorId);
		interactions.moveAll(duplicateId, survivorId);
		attachments.move(CustomerAttachments.KIND, files, duplicateId, survivorId);
		var settled = new ArrayList<Long>();
		var opened = new ArrayList<Long>();
		for (DuplicateSuspicion suspicion : suspicions.findOpenConcerning(duplicateId)) {
			long other = suspicion.otherThan(duplicateId);
			suspicion.resolve(DuplicateSuspicion.Status.MERGED, userId, now);
			settled.add(suspicion.getId());
			boolean alreadyKnown = other == survivorId || suspicions.findBetween(survivorId, other)
				.stream()
				.anyMatch(s -> s.getStatus() == DuplicateSuspicion.Status.OPEN);
			if (!alreadyKnown) {
				opened.add(suspicions.save(new DuplicateSuspicion(survivorId, other, suspicion.getReasons(), now)).getId());
			}
		}
		note(survivorId, userId, now, SystemText.of("interaction.merged", String.valueOf(duplicateId), duplicate.getName()),
				duplicateId);
		// on the absorbed customer's own timeline (after its entries moved): seen when an undo brings it back
		note(duplicateId, userId, now,
				SystemText.of("interaction.mergedInto", String.valueOf(survivorId), survivor.getName()), survivorId);
		merges.save(new CustomerMerge(duplicateId, survivorId, userId, now, write(before),
				write(new Moves(contactIds, timeline, ownKeys, files, moved, settled, opened, survivor.values()))));
		events.publishEvent(new CustomersMerged(duplicateId, survivorId, userId));
		return survivor.summary();
	}

	private void check(Customer duplicate, Customer survivor) {
		if (duplicate.getId().equals(survivor.getId())) {
			throw new MergeConflict("customers.problem.merge.self", "A customer cannot be merged into itself.");
		}
		for (Customer customer : List.of(duplicate, survivor)) {
			if (customer.isMerged()) {
				throw new MergeConflict("customers.problem.merge.merged", "Customer " + customer.getId()
						+ " was merged into customer " + customer.getMergedIntoId() + " already.", "#" + customer.getId(),
						"#" + customer.getMergedIntoId());
			}
		}
	}

	/** The merges into this customer, newest first, with whether each can still be undone. */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	List<MergeRecord> mergesInto(long survivorId, Instant now) {
		return merges.findBySurvivorIdOrderByIdDesc(survivorId)
			.stream()
			.map(m -> new MergeRecord(m.getId(), load(m.getDuplicateId()).summary(), m.getSurvivorId(), m.getMergedBy(),
					m.getMergedAt(), m.undoableUntil(), m.getUndoneAt(), m.undoable(now)))
			.toList();
	}

	/**
	 * Undoes a merge into {@code survivorId}: the absorbed customer is active again with its
	 * contacts, keys, interactions, attachments and the other modules' records (on
	 * {@link CustomerMergeUndone}); the survivor gets its values from before. Refused (409,
	 * naming why) after 24 hours, once undone, and when something changed that the undo would
	 * take along or lose.
	 */
	CustomerSummary undo(long survivorId, long mergeId, String userId, Instant now) {
		CustomerMerge merge = merges.findById(mergeId)
			.filter(m -> m.getSurvivorId() == survivorId)
			.orElseThrow(() -> new NotFoundException("Merge into customer " + survivorId, mergeId));
		long duplicateId = merge.getDuplicateId();
		Customer first = lock(Math.min(duplicateId, survivorId));
		Customer second = lock(Math.max(duplicateId, survivorId));
		Customer duplicate = first.getId() == duplicateId ? first : second;
		Customer survivor = first.getId() == duplicateId ? second : first;
		merge.undo(userId, now);
		Moves moves = read(merge.getMoves(), Moves.class);
		Customer.Values before = read(merge.getSurvivorBefore(), Customer.Values.class);
		unsafe(merge, survivor, moves);

		var since = survivor.values().customerSince();
		duplicate.separateFrom(survivor, moves.contacts(), before);
		if (since.isBefore(before.customerSince()) && since.isBefore(moves.survivorAfter().customerSince())) {
			survivor.seenAt(since); // history older than both arrived after the merge
		}
		customers.flush();
		moves.keys().forEach(key -> keys.move(key, survivorId, duplicateId));
		for (int from = 0; from < moves.interactions().size(); from += CHUNK) {
			interactions.move(moves.interactions().subList(from, Math.min(from + CHUNK, moves.interactions().size())),
					survivorId, duplicateId);
		}
		attachments.move(CustomerAttachments.KIND, moves.attachments(), survivorId, duplicateId);
		suspicions.findAllById(moves.suspicionsOpened()).forEach(suspicions::delete);
		suspicions.findAllById(moves.suspicionsSettled()).forEach(DuplicateSuspicion::reopen);
		var text = SystemText.of("interaction.mergeUndone", String.valueOf(duplicateId), duplicate.getName(),
				String.valueOf(survivorId), survivor.getName());
		note(survivorId, userId, now, text, duplicateId);
		note(duplicateId, userId, now, text, survivorId);
		events.publishEvent(new CustomerMergeUndone(duplicateId, survivorId, moves.records(), userId));
		return duplicate.summary();
	}

	/** What would make an undo wrong: it then says why, and nothing is changed. */
	private void unsafe(CustomerMerge merge, Customer survivor, Moves moves) {
		long survivorId = survivor.getId();
		if (survivor.isMerged()) {
			throw new MergeConflict("customers.problem.undo.survivorMerged", "Customer " + survivorId
					+ " was itself merged into customer " + survivor.getMergedIntoId() + " since: undo that merge first.",
					"#" + survivor.getMergedIntoId());
		}
		for (CustomerMerge later : merges.findBySurvivorIdAndUndoneAtIsNullOrderByIdDesc(survivorId)) {
			if (later.getId() > merge.getId()) {
				throw new MergeConflict("customers.problem.undo.laterMerge", "Customer " + later.getDuplicateId()
						+ " was merged into customer " + survivorId + " after this merge: undo that merge first.",
						"#" + later.getDuplicateId());
			}
		}
		var contactsNow = new HashSet<Long>();
		survivor.getContacts().forEach(c -> contactsNow.add(c.getId()));
		for (Long contact : moves.contacts()) {
			if (!contactsNow.contains(contact)) {
				throw new MergeConflict("customers.problem.undo.contactGone", "Contact " + contact
						+ " is no longer a contact of customer " + survivorId + ": the merge cannot be undone safely.");
			}
		}
		var after = moves.survivorAfter();
		var current = survivor.values();
		var changed = new ArrayList<String>();
		if (!Objects.equals(after.email(), current.email())) {
			changed.add("e-mail");
		}
		if (!Objects.equals(after.phone(), current.phone())) {
			changed.add("phone");
		}
		if (!Objects.equals(after.region(), current.region()) || !Objects.equals(after.segment(), current.segment())) {
			changed.add("region or segment");
		}
		if (!Objects.equals(after.preferredLanguage(), current.preferredLanguage())) {
			changed.add("language");
		}
		if (!changed.isEmpty()) {
			throw new MergeConflict("customers.problem.undo.edited", "Customer " + survivorId
					+ " was edited after the merge (" + String.join(", ", changed) + "): undoing the merge would lose that edit.");
		}
		var recordsNow = recordsOf(survivorId);
		moves.records().forEach((kind, ids) -> {
			var there = new HashSet<>(recordsNow.getOrDefault(kind, List.of()));
			for (Long id : ids) {
				if (!there.contains(id)) {
					throw new MergeConflict("customers.problem.undo.recordMoved", "Of the " + kind
							+ " that the merge moved, #" + id + " no longer belongs to customer " + survivorId
							+ ": the merge cannot be undone safely.", "#" + id);
				}
			}
		});
	}

	private Map<String, List<Long>> recordsOf(long customerId) {
		var all = new TreeMap<String, List<Long>>();
		records.orderedStream().forEach(module -> module.recordsOf(customerId).forEach((kind, ids) -> all.put(kind,
				ids.stream().sorted().toList())));
		return all;
	}

	private void note(long customerId, String userId, Instant now, SystemText text, long otherCustomerId) {
		interactions.save(new Interaction(customerId,
				new NewInteraction(InteractionType.NOTE, now, userId, null, texts.render(text, Locale.ENGLISH), null,
						"customer", String.valueOf(otherCustomerId), text, null),
				now));
	}

	private Customer load(long id) {
		return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
	}

	private Customer lock(long id) {
		return customers.lockById(id).orElseThrow(() -> new NotFoundException("Customer", id));
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T> T read(String text, Class<T> type) {
		try {
			return json.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
