package org.helpdesk.ticket;

import org.helpdesk.core.Conflict;

public class TicketChangedConcurrently extends Conflict {

	public TicketChangedConcurrently() {
		super("Someone else changed this ticket since you opened it; reload it and apply your change again");
	}
}
