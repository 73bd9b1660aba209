package org.helpdesk.inbox;

import org.helpdesk.core.NotFound;

/** No ignore rule has that id (any more). */
public class IgnoreRuleNotFound extends NotFound {

	public IgnoreRuleNotFound() {
		super("No such ignore rule");
	}
}
