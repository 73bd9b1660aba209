package org.helpdesk.ticket;

import org.helpdesk.core.Conflict;

/**
 * A submitter tried to accept a resolution while the ticket was not resolved (already closed, or reopened).
 */
public class NoResolutionToAccept extends Conflict {

	public NoResolutionToAccept() {
		super("Only a resolved ticket can be accepted and closed");
	}
}
