package org.helpdesk.ticket;

import org.helpdesk.core.Conflict;

/**
 * A take (from the list, which shows no versions) found the ticket owned by someone else: taking it would have
 * silently taken it from them. Assigning it is the deliberate way.
 */
public class TicketOwnedByAnother extends Conflict {

	public TicketOwnedByAnother() {
		super("Someone else owns this ticket; assign it to yourself to take it over");
	}
}
