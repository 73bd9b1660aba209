package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ticket aggregate. State changes go through its methods, which refuse illegal ones and describe what they did
 * as a follow-up draft with field changes, for the facade to record.
 */
class Ticket {

	static final int MAX_TITLE = 200;

	private final Long id;

	private long queueId;

	private String title;

	private String description;

	private String resolution;

	/** Whether the resolution came from a public follow-up; one typed into a private reply is an internal note. */
	private boolean resolutionPublic;

	private String submitterEmail;

	private Long ownerId;

	private TicketStatus status;

	private int priority;

	private boolean onHold;

	private Instant dueDate;

	private final Instant created;

	private Instant modified;

	private final String secretKey;

	private final int version;

	Ticket(Long id, long queueId, String title, String description, String resolution, String submitterEmail,
			Long ownerId, TicketStatus status, int priority, boolean onHold, Instant dueDate, Instant created,
			Instant modified, String secretKey, int version) {
		this(id, queueId, title, description, resolution, false, submitterEmail, ownerId, status, priority, onHold,
				dueDate, created, modified, secretKey, version);
	}

	Ticket(Long id, long queueId, String title, String description, String resolution, boolean resolutionPublic,
			String submitterEmail, Long ownerId, TicketStatus status, int priority, boolean onHold, Instant dueDate,
			Instant created, Instant modified, String secretKey, int version) {
		this.resolutionPublic = resolutionPublic;
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
				priority, false, dueDate, now, now, SecretKeys.next(), 0);
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
		resolutionPublic = true;
		modified = now;
		List<FieldChange> changes = before == TicketStatus.RESOLVED ? List.of()
				: List.of(new FieldChange("Status", before.label(), TicketStatus.RESOLVED.label()));
		return new FollowUpDraft("Resolved", text, true, actorId, TicketStatus.RESOLVED, now, changes);
	}

	/** Values an update may change; null means unchanged. */
	record Changes(String comment, boolean isPublic, TicketStatus status, boolean ownerChanged, Long ownerId,
			Integer priority, Long queueId, boolean dueChanged, Instant dueDate, boolean hasAttachments,
			java.time.Duration timeSpent) {
	}

	/**
	 * The central update: applies every change, records each as a field change, and titles the follow-up after
	 * what happened. Nothing at all to record means no follow-up.
	 */
	Optional<FollowUpDraft> update(Changes c, java.util.function.LongFunction<String> ownerName,
			java.util.function.LongFunction<String> queueName, Long actorId, Instant now) {
		List<FieldChange> changes = new java.util.ArrayList<>();
		String followUpTitle = null;
		if (c.ownerChanged() && !java.util.Objects.equals(c.ownerId(), ownerId)) {
			changes.add(new FieldChange("Owner", nameOf(ownerId, ownerName), nameOf(c.ownerId(), ownerName)));
			followUpTitle = c.ownerId() == null ? "Unassigned" : "Assigned to " + ownerName.apply(c.ownerId());
			ownerId = c.ownerId();
		}
		TicketStatus newStatus = null;
		if (c.status() != null && c.status() != status) {
			if (!status.mayBecome(c.status())) {
				throw new IllegalStatusChange(status, c.status());
			}
			changes.add(new FieldChange("Status", status.label(), c.status().label()));
			followUpTitle = followUpTitle == null ? c.status().label() : followUpTitle + " and " + c.status().label();
			boolean hasComment = c.comment() != null && !c.comment().isBlank();
			if (hasComment && (c.status() == TicketStatus.RESOLVED || (c.status() == TicketStatus.CLOSED && resolution == null))) {
				resolution = c.comment();
				resolutionPublic = c.isPublic();
			}
			status = c.status();
			newStatus = c.status();
		}
		if (c.priority() != null && c.priority() != priority) {
			changes.add(new FieldChange("Priority", String.valueOf(priority), String.valueOf(c.priority())));
			priority = c.priority();
		}
		if (c.queueId() != null && c.queueId() != queueId) {
			changes.add(new FieldChange("Queue", queueName.apply(queueId), queueName.apply(c.queueId())));
			queueId = c.queueId();
		}
		if (c.dueChanged() && !java.util.Objects.equals(c.dueDate(), dueDate)) {
			changes.add(new FieldChange("Due on", dueDate == null ? null : dueDate.toString(),
					c.dueDate() == null ? null : c.dueDate().toString()));
			dueDate = c.dueDate();
		}
		boolean hasComment = c.comment() != null && !c.comment().isBlank();
		if (changes.isEmpty() && !hasComment && !c.hasAttachments() && c.timeSpent() == null) {
			return Optional.empty();
		}
		if (followUpTitle == null) {
			followUpTitle = hasComment ? "Comment" : "Updated";
		}
		modified = now;
		return Optional.of(new FollowUpDraft(followUpTitle, hasComment ? c.comment() : null, c.isPublic(), actorId,
				newStatus, now, changes, c.timeSpent()));
	}

	private static String nameOf(Long accountId, java.util.function.LongFunction<String> names) {
		return accountId == null ? "Unassigned" : names.apply(accountId);
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

	boolean resolutionPublic() {
		return resolutionPublic;
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
