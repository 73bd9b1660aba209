package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.helpdesk.attachment.Upload;

/**
 * A reply or change from a person working a ticket, built by intent: {@code TicketUpdate.reply("On it", true)
 * .changeStatus(RESOLVED).basedOn(version)}. What is not named stays as it is. {@link #basedOn} is the version the
 * person saw: if someone saved in between, the update is refused instead of silently overwriting theirs.
 */
public final class TicketUpdate {

	private static final TicketUpdate NOTHING = new TicketUpdate(null, false, null, false, null, null, null, false,
			null, List.of(), null, null);

	private final String comment;

	private final boolean isPublic;

	private final TicketStatus newStatus;

	private final boolean changesOwner;

	private final Long newOwner;

	private final Integer priority;

	private final Long queueId;

	private final boolean changesDueDate;

	private final Instant dueDate;

	private final List<Upload> attachments;

	private final Duration timeSpent;

	private final Integer seenVersion;

	private TicketUpdate(String comment, boolean isPublic, TicketStatus newStatus, boolean changesOwner, Long newOwner,
			Integer priority, Long queueId, boolean changesDueDate, Instant dueDate, List<Upload> attachments,
			Duration timeSpent, Integer seenVersion) {
		this.comment = comment == null || comment.isBlank() ? null : comment;
		this.isPublic = isPublic;
		this.newStatus = newStatus;
		this.changesOwner = changesOwner;
		this.newOwner = newOwner;
		this.priority = priority;
		this.queueId = queueId;
		this.changesDueDate = changesDueDate;
		this.dueDate = dueDate;
		this.attachments = attachments == null ? List.of() : List.copyOf(attachments);
		this.timeSpent = timeSpent;
		this.seenVersion = seenVersion;
	}

	/** A comment, public (mailed to the submitter and CCs) or private; a blank one is no comment. */
	public static TicketUpdate reply(String comment, boolean isPublic) {
		return NOTHING.withComment(comment, isPublic);
	}

	public static TicketUpdate comment(String comment, boolean isPublic) {
		return reply(comment, isPublic);
	}

	/** A status change with no comment; private unless {@link #publicly()} says otherwise. */
	public static TicketUpdate status(TicketStatus status) {
		return NOTHING.changeStatus(status);
	}

	/** Gives the ticket to an agent (taking it, when the agent is the actor). */
	public static TicketUpdate assign(long ownerId) {
		return NOTHING.assignTo(ownerId);
	}

	public TicketUpdate withComment(String text, boolean visibleToSubmitter) {
		return new TicketUpdate(text, visibleToSubmitter, newStatus, changesOwner, newOwner, priority, queueId,
				changesDueDate, dueDate, attachments, timeSpent, seenVersion);
	}

	/** Makes the follow-up public, which is what mails the submitter. */
	public TicketUpdate publicly() {
		return new TicketUpdate(comment, true, newStatus, changesOwner, newOwner, priority, queueId, changesDueDate,
				dueDate, attachments, timeSpent, seenVersion);
	}

	public TicketUpdate changeStatus(TicketStatus status) {
		return new TicketUpdate(comment, isPublic, status, changesOwner, newOwner, priority, queueId, changesDueDate,
				dueDate, attachments, timeSpent, seenVersion);
	}

	public TicketUpdate assignTo(long ownerId) {
		return new TicketUpdate(comment, isPublic, newStatus, true, ownerId, priority, queueId, changesDueDate,
				dueDate, attachments, timeSpent, seenVersion);
	}

	public TicketUpdate unassign() {
		return new TicketUpdate(comment, isPublic, newStatus, true, null, priority, queueId, changesDueDate, dueDate,
				attachments, timeSpent, seenVersion);
	}

	public TicketUpdate changePriority(int newPriority) {
		return new TicketUpdate(comment, isPublic, newStatus, changesOwner, newOwner, newPriority, queueId,
				changesDueDate, dueDate, attachments, timeSpent, seenVersion);
	}

	public TicketUpdate moveToQueue(long newQueueId) {
		return new TicketUpdate(comment, isPublic, newStatus, changesOwner, newOwner, priority, newQueueId,
				changesDueDate, dueDate, attachments, timeSpent, seenVersion);
	}

	public TicketUpdate dueOn(Instant due) {
		return new TicketUpdate(comment, isPublic, newStatus, changesOwner, newOwner, priority, queueId, true,
				java.util.Objects.requireNonNull(due), attachments, timeSpent, seenVersion);
	}

	public TicketUpdate removeDueDate() {
		return new TicketUpdate(comment, isPublic, newStatus, changesOwner, newOwner, priority, queueId, true, null,
				attachments, timeSpent, seenVersion);
	}

	public TicketUpdate attach(List<Upload> files) {
		return new TicketUpdate(comment, isPublic, newStatus, changesOwner, newOwner, priority, queueId,
				changesDueDate, dueDate, files, timeSpent, seenVersion);
	}

	public TicketUpdate spent(Duration time) {
		return new TicketUpdate(comment, isPublic, newStatus, changesOwner, newOwner, priority, queueId,
				changesDueDate, dueDate, attachments, time, seenVersion);
	}

	/** The version of the ticket the person saw; a ticket saved since then refuses this update. */
	public TicketUpdate basedOn(int version) {
		return new TicketUpdate(comment, isPublic, newStatus, changesOwner, newOwner, priority, queueId,
				changesDueDate, dueDate, attachments, timeSpent, version);
	}

	Optional<String> comment() {
		return Optional.ofNullable(comment);
	}

	boolean isPublic() {
		return isPublic;
	}

	Optional<TicketStatus> newStatus() {
		return Optional.ofNullable(newStatus);
	}

	boolean changesOwner() {
		return changesOwner;
	}

	/** The owner after the change; empty means unassigned (only asked when {@link #changesOwner()}). */
	Optional<Long> newOwner() {
		return Optional.ofNullable(newOwner);
	}

	Optional<Integer> priority() {
		return Optional.ofNullable(priority);
	}

	Optional<Long> queueId() {
		return Optional.ofNullable(queueId);
	}

	boolean changesDueDate() {
		return changesDueDate;
	}

	/** The due date after the change; empty means none (only asked when {@link #changesDueDate()}). */
	Optional<Instant> newDueDate() {
		return Optional.ofNullable(dueDate);
	}

	List<Upload> attachments() {
		return attachments;
	}

	Optional<Duration> timeSpent() {
		return Optional.ofNullable(timeSpent);
	}

	OptionalInt seenVersion() {
		return seenVersion == null ? OptionalInt.empty() : OptionalInt.of(seenVersion);
	}
}
