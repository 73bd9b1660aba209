package org.helpdesk.ticket;

/**
 * What happened to tickets, published inside the transaction of the change.
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	/**
	 * A new ticket; its queue, submitter and owner come along so that listeners can tell without a query whether
	 * anybody is to hear of it (a new ticket has no CCs yet).
	 */
	public record TicketOpened(long ticketId, long followUpId, Long actorId, long queueId, String submitterEmail,
			Long ownerId) implements TicketChange {
	}

	public record CommentAdded(long ticketId, long followUpId, Long actorId, boolean isPublic) implements TicketChange {
	}

	public record TicketResolved(long ticketId, long followUpId, Long actorId) implements TicketChange {
	}

	public record HoldChanged(long ticketId, long followUpId, Long actorId, boolean onHold) implements TicketChange {
	}

	/**
	 * A person replied to or changed a ticket. {@code reassigned} when the owner changed; {@code newStatus} when
	 * the status changed (else null).
	 */
	public record TicketUpdated(long ticketId, long followUpId, Long actorId, boolean isPublic, boolean reassigned,
			TicketStatus newStatus, boolean commented) implements TicketChange {
	}

	/** {@code ticketId} was merged into {@code targetId} and is now a duplicate of it. */
	public record TicketMerged(long ticketId, long targetId, String submitterEmail, Long actorId) implements TicketChange {
	}

	public record TicketDeleted(long ticketId, String ref, String title, Long actorId) implements TicketChange {
	}

	/** The system made a waiting ticket more urgent: its priority went from {@code oldPriority} to {@code newPriority}. */
	public record TicketEscalated(long ticketId, long followUpId, int oldPriority, int newPriority) implements TicketChange {
	}

	/**
	 * A notify-only escalation run found the ticket due: people are to hear of it, but nothing about the ticket
	 * changed (so this is no {@link TicketChange}).
	 */
	public record EscalationNoticed(long ticketId) {
	}
}
