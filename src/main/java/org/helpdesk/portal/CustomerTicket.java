package org.helpdesk.portal;

import java.time.Instant;
import java.util.List;

import org.helpdesk.ticket.TicketStatus;

/**
 * A ticket as its submitter may see it: no owner, no CCs, no private entries. {@code resolution} is only present
 * when it was given in a public follow-up (an agent may resolve with a private note).
 */
public record CustomerTicket(String ref, String title, TicketStatus status, int priority, boolean onHold,
		Instant created, Instant modified, String description, String resolution, List<CustomerFollowUp> followUps) {

	public boolean awaitsAcceptance() {
		return status == TicketStatus.RESOLVED;
	}
}
