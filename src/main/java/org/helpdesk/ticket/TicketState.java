package org.helpdesk.ticket;

import java.time.Instant;

/**
 * What a ticket says at one moment, apart from its identity, timestamps and version: how the repository reads and
 * writes the aggregate. {@code resolutionPublic} says whether the resolution came from a public follow-up (one
 * typed into a private reply is an internal note). Null stands for an empty column (no resolution, no owner, no due date, not merged).
 */
record TicketState(long queueId, String title, String description, String resolution, boolean resolutionPublic,
		String submitterEmail, Long ownerId, TicketStatus status, int priority, boolean onHold, Instant dueDate, Long mergedTo) {

	static TicketState opened(long queueId, String title, String description, String submitterEmail, Long ownerId,
			int priority, Instant dueDate) {
		return new TicketState(queueId, title, description, null, false, submitterEmail, ownerId, TicketStatus.OPEN, priority,
				false, dueDate, null);
	}
}
