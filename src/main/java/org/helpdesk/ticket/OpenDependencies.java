package org.helpdesk.ticket;

import org.helpdesk.core.Conflict;

public class OpenDependencies extends Conflict {

	public OpenDependencies() {
		super("This ticket depends on tickets that are still open; resolve those first");
	}
}
