package org.helpdesk.ticket;

/**
 * What customers did to their tickets through the portal, published inside the transaction of the change. Neither
 * has an acting account: the submitter is known by the ticket's e-mail address. The submitter should not be mailed
 * about their own action; the owner (and updated-ticket CCs) should.
 */
public final class CustomerEvents {

	private CustomerEvents() {
	}

	/**
	 * The submitter added a public comment (follow-up {@code followUpId}); {@code reopened} when the ticket was
	 * closed and the reply reopened it.
	 */
	public record CustomerReplied(long ticketId, long followUpId, boolean reopened) implements TicketChange {
	}

	/** The submitter accepted the resolution: the ticket went from resolved to closed, the resolution kept. */
	public record ResolutionAccepted(long ticketId, long followUpId) implements TicketChange {
	}
}
