package org.helpdesk.queue;

import org.helpdesk.core.NotFound;

public class QueueNotFound extends NotFound {

	public QueueNotFound(long id) {
		super("No queue with id " + id);
	}
}
