package org.helpdesk.inbox;

import org.helpdesk.core.NotFound;

public class QuarantinedMailNotFound extends NotFound {

	public QuarantinedMailNotFound(long id) {
		super("No quarantined message with id " + id);
	}
}
