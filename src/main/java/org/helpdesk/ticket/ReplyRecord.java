package org.helpdesk.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The history of one {@link TicketUpdate} as the ticket applies it: each method takes a current value and returns the
 * value after the update, recording what changed; {@link #draft} titles the follow-up after what happened.
 */
final class ReplyRecord {

	private final TicketUpdate update;

	private final LongFunction<String> ownerName;

	private final LongFunction<String> queueName;

	private final FieldChanges changes = new FieldChanges();

	private Optional<String> title = Optional.empty();

	private Optional<TicketStatus> newStatus = Optional.empty();

	ReplyRecord(TicketUpdate update, LongFunction<String> ownerName, LongFunction<String> queueName) {
		this.update = update;
		this.ownerName = ownerName;
		this.queueName = queueName;
	}

	Long owner(Long current) {
		Long next = update.changesOwner() ? update.newOwner().orElse(null) : current;
		if (Objects.equals(next, current)) {
			return current;
		}
		changes.of("Owner", nameOf(current), nameOf(next));
		title = Optional.of(next == null ? "Unassigned" : "Assigned to " + ownerName.apply(next));
		return next;
	}

	/** The status after the update; the ticket has checked that it may move there. */
	TicketStatus status(TicketStatus current) {
		TicketStatus next = update.newStatus().orElse(current);
		if (next == current) {
			return current;
		}
		changes.of("Status", current.label(), next.label());
		title = Optional.of(title.map(t -> t + " and " + next.label()).orElse(next.label()));
		newStatus = Optional.of(next);
		return next;
	}

	/** A comment that resolves (or closes an unresolved ticket) is what the submitter sees as the resolution. */
	boolean setsResolution(TicketStatus next, String current) {
		boolean finishes = next == TicketStatus.RESOLVED || (next == TicketStatus.CLOSED && current == null);
		return finishes && update.comment().isPresent();
	}

	int priority(int current) {
		return changes.ofNumber("Priority", current, update.priority().orElse(current));
	}

	long queue(long current) {
		long next = update.queueId().orElse(current);
		if (next != current) {
			changes.of("Queue", queueName.apply(current), queueName.apply(next));
		}
		return next;
	}

	Instant due(Instant current) {
		return update.changesDueDate() ? changes.ofInstant("Due on", current, update.newDueDate().orElse(null))
				: current;
	}

	/** The follow-up to record; none when the update changed, said and attached nothing. */
	Optional<FollowUpDraft> draft(Long actorId, Instant now) {
		Optional<String> comment = update.comment();
		if (changes.isEmpty() && comment.isEmpty() && update.attachments().isEmpty() && update.timeSpent().isEmpty()) {
			return Optional.empty();
		}
		String followUpTitle = title.orElse(comment.isPresent() ? "Comment" : "Updated");
		return Optional.of(new FollowUpDraft(followUpTitle, comment.orElse(null), update.isPublic(), actorId,
				newStatus.orElse(null), now, changes.list(), update.timeSpent().orElse(null)));
	}

	private String nameOf(Long accountId) {
		return accountId == null ? "Unassigned" : ownerName.apply(accountId);
	}
}
