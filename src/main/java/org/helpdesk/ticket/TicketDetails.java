package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as channels and notifications read it. {@code ref} is {@code <queue slug>-<id>}.
 */
public record TicketDetails(long id, String ref, long queueId, String title, String description, String resolution,
		String submitterEmail, Long ownerId, TicketStatus status, int priority, boolean onHold, Instant dueDate,
		Instant created, Instant modified, String secretKey, List<String> ccEmails) {
}
