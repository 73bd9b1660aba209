package org.helpdesk.ticket;

import org.helpdesk.core.NotFound;

public class TicketNotFound extends NotFound {

	public TicketNotFound(long id) {
		super("Invalid ticket ID");
	}
}
