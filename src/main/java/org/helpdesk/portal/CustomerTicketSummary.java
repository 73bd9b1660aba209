package org.helpdesk.portal;

import java.time.Instant;

import org.helpdesk.ticket.CustomerAccess;
import org.helpdesk.ticket.TicketStatus;

/**
 * One line of a customer's own ticket list, with the secret access that opens it.
 */
public record CustomerTicketSummary(String ref, String title, TicketStatus status, int priority, Instant created,
		Instant modified, CustomerAccess access) {
}
