package org.helpdesk.ticket;

/**
 * How people refer to a ticket: {@code <queue slug>-<id>}, as lists, pages, mail subjects and secret links show it.
 * The slug part is for people; {@link CustomerAccess#ticketId()} reads only the number, so that references survive a
 * move to another queue.
 */
public final class TicketRef {

	private TicketRef() {
	}

	public static String of(String queueSlug, long ticketId) {
		return queueSlug + "-" + ticketId;
	}
}
