package org.helpdesk.ticketlist;

/**
 * A named ticket-list filter. {@code query} is the canonical URL query string of a {@link TicketQuery}.
 */
public record SavedView(long id, long ownerId, String ownerName, String title, boolean shared, String query) {

	public boolean isOwnedBy(long accountId) {
		return ownerId == accountId;
	}
}
