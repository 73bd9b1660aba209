package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongFunction;

import org.helpdesk.core.InvalidInput;

/**
 * The ticket aggregate. Every state change goes through its methods, which refuse illegal ones (before changing
 * anything) and describe what they did as a follow-up draft with field changes, for the facade to record.
 */
class Ticket {

	static final int MAX_TITLE = 200;

	static final String CUSTOMER_REPLY = "Comment from submitter";

	static final String CUSTOMER_ACCEPTED = "Submitter accepted resolution and closed ticket";

	private final Long id;
	private long queueId;
	private String title;
	private String description;
	private String resolution;
	private boolean resolutionPublic;
	private String submitterEmail;
	private Long ownerId;
	private TicketStatus status;
	private int priority;
	private boolean onHold;
	private Instant dueDate;
	private Long mergedTo;
	private final Instant created;
	private Instant modified;
	private final String secretKey;
	private final int version;
	private EscalationMarks escalation;
	/** The state as read (or opened), for the change log to tell what a change changed. */
	private final TicketState loaded;

	Ticket(Long id, TicketState state, Instant created, Instant modified, String secretKey, int version) {
		this(id, state, created, modified, secretKey, version, EscalationMarks.NEVER);
	}

	Ticket(Long id, TicketState state, Instant created, Instant modified, String secretKey, int version,
			EscalationMarks escalation) {
		this.id = id;
		this.queueId = state.queueId();
		this.title = state.title();
		this.description = state.description();
		this.resolution = state.resolution();
		this.resolutionPublic = state.resolutionPublic();
		this.submitterEmail = state.submitterEmail();
		this.ownerId = state.ownerId();
		this.status = state.status();
		this.priority = state.priority();
		this.onHold = state.onHold();
		this.dueDate = state.dueDate();
		this.mergedTo = state.mergedTo();
		this.created = created;
		this.modified = modified;
		this.secretKey = secretKey;
		this.version = version;
		this.escalation = escalation;
		this.loaded = state;
	}

	static Ticket open(long queueId, String title, String description, String submitterEmail, Long ownerId,
			int priority, Instant dueDate, Instant now) {
		return new Ticket(null, TicketState.opened(queueId, title, description, submitterEmail, ownerId, priority,
				dueDate), now, now, SecretKeys.next(), 0);
	}

	/** Refuses a change made on top of an older version than the one stored. */
	void checkSeen(OptionalInt seenVersion) {
		if (seenVersion.isPresent() && seenVersion.getAsInt() != version) {
			throw new TicketChangedConcurrently();
		}
	}

	/** The follow-up that records the opening, titled after the owner when there is one. */
	FollowUpDraft openingFollowUp(Long actorId, String ownerName, Instant now) {
		String title = ownerName == null ? "Ticket Opened" : "Ticket Opened & Assigned to " + ownerName;
		return new FollowUpDraft(title, description, true, actorId, null, now, List.of());
	}

	Optional<FollowUpDraft> hold(Long actorId, Instant now) {
		return setHold(true, actorId, now);
	}

	Optional<FollowUpDraft> unhold(Long actorId, Instant now) {
		return setHold(false, actorId, now);
	}

	private Optional<FollowUpDraft> setHold(boolean held, Long actorId, Instant now) {
		if (onHold == held) {
			return Optional.empty();
		}
		onHold = held;
		modified = now;
		String title = held ? "Ticket placed on hold" : "Ticket taken off hold";
		return Optional.of(new FollowUpDraft(title, null, true, actorId, null, now,
				List.of(new FieldChange("On Hold", String.valueOf(!held), String.valueOf(held)))));
	}

	FollowUpDraft comment(String message, boolean isPublic, Long actorId, Instant now) {
		modified = now;
		return new FollowUpDraft("Comment Added", message, isPublic, actorId, null, now, List.of());
	}

	FollowUpDraft resolve(String text, Long actorId, Instant now) {
		TicketStatus before = checkedMove(TicketStatus.RESOLVED);
		status = TicketStatus.RESOLVED;
		resolution = text;
		resolutionPublic = true;
		modified = now;
		List<FieldChange> changes = before == TicketStatus.RESOLVED ? List.of()
				: List.of(new FieldChange("Status", before.label(), TicketStatus.RESOLVED.label()));
		return new FollowUpDraft("Resolved", text, true, actorId, TicketStatus.RESOLVED, now, changes);
	}

	/**
	 * A person's reply or change (owner, status, priority, queue, due date), each changed field recorded, the
	 * follow-up titled after what happened. Nothing at all to record means no follow-up.
	 */
	Optional<FollowUpDraft> update(TicketUpdate update, LongFunction<String> ownerName,
			LongFunction<String> queueName, Long actorId, Instant now) {
		update.newStatus().filter(next -> next != status).ifPresent(this::checkedMove);
		var reply = new ReplyRecord(update, ownerName, queueName);
		ownerId = reply.owner(ownerId);
		TicketStatus next = reply.status(status);
		if (next != status && reply.setsResolution(next, resolution)) {
			resolution = update.comment().orElseThrow();
			resolutionPublic = update.isPublic();
		}
		status = next;
		priority = reply.priority(priority);
		queueId = reply.queue(queueId);
		dueDate = reply.due(dueDate);
		Optional<FollowUpDraft> draft = reply.draft(actorId, now);
		draft.ifPresent(d -> modified = now);
		return draft;
	}

	/** Corrects title, description, submitter, priority and due date; private history of what changed. */
	Optional<FollowUpDraft> edit(EditTicket edit, Long actorId, Instant now) {
		var changes = new FieldChanges();
		title = changes.of("Title", title, edit.trimmedTitle());
		description = changes.of("Description", description, edit.descriptionOrNone());
		submitterEmail = changes.of("Submitter E-Mail", submitterEmail, edit.submitterOrNone());
		priority = changes.ofNumber("Priority", priority, edit.priority());
		dueDate = changes.ofInstant("Due on", dueDate, edit.dueDate());
		if (changes.isEmpty()) {
			return Optional.empty();
		}
		modified = now;
		return Optional.of(new FollowUpDraft("Edited", null, false, actorId, null, now, changes.list()));
	}

	/** This ticket, still open, becomes a duplicate of {@code targetId}; a finished one cannot be merged away. */
	FollowUpDraft markDuplicateOf(long targetId, Long actorId, Instant now) {
		if (status == TicketStatus.DUPLICATE) {
			throw new InvalidInput("ticket", "this ticket was already merged");
		}
		TicketStatus before = checkedMove(TicketStatus.DUPLICATE);
		status = TicketStatus.DUPLICATE;
		mergedTo = targetId;
		modified = now;
		return new FollowUpDraft("Merged into #" + targetId, null, false, actorId, TicketStatus.DUPLICATE, now,
				List.of(new FieldChange("Status", before.label(), TicketStatus.DUPLICATE.label())));
	}

	/** This ticket takes in {@code sourceId}'s history; a duplicate cannot, its own target should. */
	FollowUpDraft absorb(long sourceId, Long actorId, Instant now) {
		if (status == TicketStatus.DUPLICATE) {
			throw new InvalidInput("target", "this ticket was already merged");
		}
		modified = now;
		return new FollowUpDraft("Merged #" + sourceId + " into this ticket", null, false, actorId, null, now,
				List.of());
	}

	/**
	 * The submitter's public comment. A reply to a closed ticket reopens it, as a mailed reply does; a resolved one
	 * stays resolved (the submitter may accept instead, and a "thank you" should not send it back to the queue).
	 */
	FollowUpDraft customerReply(String comment, Instant now) {
		modified = now;
		if (status != TicketStatus.CLOSED) {
			return new FollowUpDraft(CUSTOMER_REPLY, comment, true, null, null, now, List.of());
		}
		status = TicketStatus.REOPENED;
		return new FollowUpDraft(CUSTOMER_REPLY + " and Reopened", comment, true, null, TicketStatus.REOPENED, now,
				List.of(new FieldChange("Status", TicketStatus.CLOSED.label(), TicketStatus.REOPENED.label())));
	}

	/**
	 * A mail from {@code sender} about this ticket, public. A resolved or closed ticket (or a duplicate whose target is
	 * gone) is reopened: a customer who writes again still needs help, and an agent decides whether it was only thanks.
	 */
	FollowUpDraft mailReply(String comment, String sender, Instant now) {
		modified = now;
		String from = sender == null ? "an unknown sender" : sender;
		if (status.isActive()) {
			return new FollowUpDraft(clip("E-Mail Received from " + from), comment, true, null, null, now, List.of());
		}
		TicketStatus before = checkedMove(TicketStatus.REOPENED);
		status = TicketStatus.REOPENED;
		return new FollowUpDraft(clip("Ticket Re-Opened by E-Mail Received from " + from), comment, true, null,
				TicketStatus.REOPENED, now,
				List.of(new FieldChange("Status", before.label(), TicketStatus.REOPENED.label())));
	}

	/** A mail recorded for staff only (an automatic answer or a bounce): it changes nothing else. */
	FollowUpDraft mailNote(String title, String text, Instant now) {
		modified = now;
		return new FollowUpDraft(clip(title), text, false, null, null, now, List.of());
	}

	private static String clip(String title) {
		return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE);
	}

	/** Closes a resolved ticket on the submitter's word, keeping its resolution. */
	FollowUpDraft acceptResolution(Instant now) {
		if (status != TicketStatus.RESOLVED) {
			throw new NoResolutionToAccept();
		}
		status = TicketStatus.CLOSED;
		modified = now;
		return new FollowUpDraft(CUSTOMER_ACCEPTED, null, true, null, TicketStatus.CLOSED, now,
				List.of(new FieldChange("Status", TicketStatus.RESOLVED.label(), TicketStatus.CLOSED.label())));
	}

	/**
	 * Makes a ticket that has waited too long one step more urgent (priority 3 becomes 2). Only an open or reopened
	 * ticket, not on hold, not already at the top priority, and last escalated (or, never escalated, created) at or
	 * before {@code due.waitingSince()}; anything else is left alone, so that a second run of the same cycle, which
	 * finds the first one's escalation, changes nothing.
	 */
	Optional<FollowUpDraft> escalate(EscalationDue due, Instant now) {
		if (!isDue(due)) {
			return Optional.empty();
		}
		int before = priority;
		priority = before - 1;
		modified = now;
		escalation = escalation.escalatedAt(now);
		return Optional.of(new FollowUpDraft("Ticket escalated",
				"Ticket escalated after " + due.workingDays() + " working days", true, null, null, now,
				List.of(new FieldChange("Priority", String.valueOf(before), String.valueOf(priority)))));
	}

	/**
	 * Notify-only escalation: the same rule, but only the time of the notice is kept (apart from the ticket's own
	 * fields and history), so that people hear of a waiting ticket once per period, not on every run.
	 */
	boolean noticeEscalation(EscalationDue due, Instant now) {
		if (!isDue(due) || escalation.noticedAfter(due.waitingSince())) {
			return false;
		}
		escalation = escalation.noticedAt(now);
		return true;
	}

	private boolean isDue(EscalationDue due) {
		Instant waitingSince = escalation.lastEscalation().orElse(created);
		return status.isActive() && !onHold && priority > 1 && !waitingSince.isAfter(due.waitingSince());
	}

	EscalationMarks escalation() {
		return escalation;
	}

	private TicketStatus checkedMove(TicketStatus next) {
		if (!status.mayBecome(next)) {
			throw new IllegalStatusChange(status, next);
		}
		return status;
	}

	/** Everything but identity, timestamps and version, as the repository stores it. */
	TicketState loaded() {
		return loaded;
	}

	TicketState state() {
		return new TicketState(queueId, title, description, resolution, resolutionPublic, submitterEmail, ownerId,
				status, priority, onHold, dueDate, mergedTo);
	}

	Long id() {
		return id;
	}

	long queueId() {
		return queueId;
	}

	String title() {
		return title;
	}

	String submitterEmail() {
		return submitterEmail;
	}

	Long ownerId() {
		return ownerId;
	}

	TicketStatus status() {
		return status;
	}

	Instant created() {
		return created;
	}

	Instant modified() {
		return modified;
	}

	String secretKey() {
		return secretKey;
	}

	int version() {
		return version;
	}
}
