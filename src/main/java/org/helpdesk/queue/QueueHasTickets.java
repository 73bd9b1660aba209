package org.helpdesk.queue;

import org.helpdesk.core.Conflict;

public class QueueHasTickets extends Conflict {

	public QueueHasTickets(String slug) {
		super("Queue " + slug + " still has tickets; move or delete them first");
	}
}
