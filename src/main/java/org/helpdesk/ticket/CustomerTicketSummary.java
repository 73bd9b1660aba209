package org.helpdesk.ticket;

import java.time.Instant;

/**
 * One line of a customer's own ticket list, with the secret access that opens it.
 */
public record CustomerTicketSummary(String ref, String title, TicketStatus status, int priority, Instant created,
		Instant modified, CustomerAccess access) {
}
