package org.helpdesk.ticket;

/**
 * Any event about a change to one ticket, whoever made it; for listeners that care that something changed, not what.
 */
public interface TicketChange {

	long ticketId();
}
