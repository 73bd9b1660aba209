package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ticket aggregate. State changes go through its methods, which refuse illegal ones and describe what they did
 * as a follow-up draft with field changes, for the facade to record.
 */
class Ticket {

	static final int MAX_TITLE = 200;

	private final Long id;

	private final long queueId;

	private final String title;

	private final String description;

	private String resolution;

	private final String submitterEmail;

	private final Long ownerId;

	private TicketStatus status;

	private final int priority;

	private boolean onHold;

	private final Instant dueDate;

	private final Instant created;

	private Instant modified;

	private final String secretKey;

	private final int version;

	Ticket(Long id, long queueId, String title, String description, String resolution, String submitterEmail,
			Long ownerId, TicketStatus status, int priority, boolean onHold, Instant dueDate, Instant created,
			Instant modified, String secretKey, int version) {
		this.id = id;
		this.queueId = queueId;
		this.title = title;
		this.description = description;
		this.resolution = resolution;
		this.submitterEmail = submitterEmail;
		this.ownerId = ownerId;
		this.status = status;
		this.priority = priority;
		this.onHold = onHold;
		this.dueDate = dueDate;
		this.created = created;
		this.modified = modified;
		this.secretKey = secretKey;
		this.version = version;
	}

	static Ticket open(long queueId, String title, String description, String submitterEmail, Long ownerId,
			int priority, Instant dueDate, Instant now) {
		return new Ticket(null, queueId, title, description, null, submitterEmail, ownerId, TicketStatus.OPEN,
				priority, false, dueDate, now, now, UUID.randomUUID().toString(), 0);
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
		if (!status.mayBecome(TicketStatus.RESOLVED)) {
			throw new IllegalStatusChange(status, TicketStatus.RESOLVED);
		}
		TicketStatus before = status;
		status = TicketStatus.RESOLVED;
		resolution = text;
		modified = now;
		List<FieldChange> changes = before == TicketStatus.RESOLVED ? List.of()
				: List.of(new FieldChange("Status", before.label(), TicketStatus.RESOLVED.label()));
		return new FollowUpDraft("Resolved", text, true, actorId, TicketStatus.RESOLVED, now, changes);
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

	String description() {
		return description;
	}

	String resolution() {
		return resolution;
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

	int priority() {
		return priority;
	}

	boolean onHold() {
		return onHold;
	}

	Instant dueDate() {
		return dueDate;
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
