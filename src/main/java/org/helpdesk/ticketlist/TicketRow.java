package org.helpdesk.ticketlist;

import java.time.Instant;

import org.helpdesk.ticket.TicketStatus;

/**
 * One line of the ticket list. {@code ref} is {@code <queue slug>-<id>}; {@code ownerName} is null when unassigned.
 */
public record TicketRow(long id, String ref, String title, long queueId, String queueTitle, TicketStatus status,
		int priority, boolean onHold, Long ownerId, String ownerName, Instant created, Instant modified,
		Instant dueDate) {
}
