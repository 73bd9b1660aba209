package org.helpdesk.escalation;

import org.helpdesk.core.NotFound;

public class ExclusionNotFound extends NotFound {

	ExclusionNotFound(long id) {
		super("No escalation exclusion " + id);
	}
}
