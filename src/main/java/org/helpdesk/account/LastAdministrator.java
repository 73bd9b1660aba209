package org.helpdesk.account;

import org.helpdesk.core.Conflict;

public class LastAdministrator extends Conflict {

	public LastAdministrator() {
		super("The last active administrator cannot be removed, deactivated or demoted");
	}
}
