package org.helpdesk.ticket;

import org.helpdesk.core.Conflict;

public class IllegalStatusChange extends Conflict {

	public IllegalStatusChange(TicketStatus from, TicketStatus to) {
		super("A " + from.label().toLowerCase() + " ticket cannot become " + to.label().toLowerCase());
	}
}
