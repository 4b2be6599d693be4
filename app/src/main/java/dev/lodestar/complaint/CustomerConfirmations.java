package dev.lodestar.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's answer to a resolution, given through the link in the resolution e-mail without
 * logging in. A link works once and only until the case closes on its own; a refused link changes
 * nothing (the answer, the complaint and the process move together or not at all). Public for
 * whoever answers in the customer's place with the link's token (the demo's simulated customers);
 * the confirmation page is the other caller.
 */
@Service
public class CustomerConfirmations {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConfirmationTokens tokens;
	private final Complaints complaints;
	private final RuntimeService runtimeService;
	private final ComplaintSettings settings;
	private final Clock clock;

	CustomerConfirmations(ConfirmationTokens tokens, Complaints complaints, RuntimeService runtimeService,
			ComplaintSettings settings, Optional<Clock> clock) {
		this.tokens = tokens;
		this.complaints = complaints;
		this.runtimeService = runtimeService;
		this.settings = settings;
		this.clock = clock.orElse(dev.lodestar.system.EngineClock.INSTANCE); // the engine's time, as the case's history and timers
	}

	/** A link the customer can use once; it expires when the process stops waiting for an answer. */
	@Transactional
	String issue(Complaint complaint) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		tokens.save(new ConfirmationToken(complaint.getId(), hash(token), now, now.plus(settings.confirmationWindow())));
		return token;
	}

	/** What a link is worth right now, and the complaint it answers. */
	@Transactional(readOnly = true)
	Optional<Inspection> inspect(String token) {
		return tokens.findByTokenHash(hash(token)).map(t -> {
			Complaint complaint = complaints.findById(t.getComplaintId()).orElseThrow();
			ConfirmationToken.State state = t.state(clock.instant());
			boolean waiting = complaint.getStatus() == ComplaintStatus.RESOLVED && complaint.getCustomerReply() == null;
			// a link whose question is no longer open (closed without reply, answered otherwise) has expired
			return new Inspection(state == ConfirmationToken.State.VALID && !waiting ? ConfirmationToken.State.EXPIRED
					: state, complaint, t.getAnswer());
		});
	}

	private org.springframework.context.ApplicationEventPublisher events;

	/** The satisfaction score goes out as an event; set apart from the constructor to keep this class's edits small. */
	@org.springframework.beans.factory.annotation.Autowired
	void setEvents(org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * The customer confirms or rejects the resolution; the waiting process moves on (a rejection
	 * reopens the complaint). Refused with {@code LinkRefused} (a runtime exception) when the token
	 * is unknown, used or expired.
	 */
	@Transactional
	public Complaint answer(String token, boolean confirmed, Integer satisfaction, String comment) {
		ConfirmationToken link = tokens.findByTokenHash(hash(token)).orElseThrow(() -> new LinkRefused(null));
		CustomerReply reply = confirmed ? CustomerReply.CONFIRMED : CustomerReply.REJECTED;
		Instant now = clock.instant();
		try {
			link.use(reply, now);
		}
		catch (IllegalStateException ex) {
			throw new LinkRefused(link.state(now));
		}
		Complaint complaint = complaints.findById(link.getComplaintId()).orElseThrow();
		try {
			complaint.recordReply(reply, satisfaction, comment == null || comment.isBlank() ? null : comment.strip());
		}
		catch (IllegalStateException ex) {
			throw new LinkRefused(ConfirmationToken.State.EXPIRED);
		}
		if (satisfaction != null && events != null) {
			events.publishEvent(new SatisfactionRecorded(complaint.getId(), satisfaction));
		}
		try {
			runtimeService.createMessageCorrelation(ComplaintToResolution.MSG_CUSTOMER_REPLIED)
				.processInstanceBusinessKey(complaint.getId().toString())
				.setVariable(ComplaintToResolution.VAR_CUSTOMER_CONFIRMED, confirmed)
				.setVariable(ComplaintToResolution.VAR_SATISFACTION_SCORE, satisfaction)
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException ex) {
			// the case already closed on its own: the answer comes too late
			throw new LinkRefused(ConfirmationToken.State.EXPIRED);
		}
		return complaint;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Inspection(ConfirmationToken.State state, Complaint complaint, CustomerReply answer) {
	}

	/** The link is unknown ({@code state == null}), used or expired. */
	static class LinkRefused extends RuntimeException {

		private final ConfirmationToken.State state;

		LinkRefused(ConfirmationToken.State state) {
			super("confirmation link " + (state == null ? "unknown" : state.name().toLowerCase()));
			this.state = state;
		}

		ConfirmationToken.State state() {
			return state;
		}

	}

}
