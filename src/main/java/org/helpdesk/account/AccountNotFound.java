package org.helpdesk.account;

import org.helpdesk.core.NotFound;

public class AccountNotFound extends NotFound {

	public AccountNotFound(long id) {
		super("No user with id " + id);
	}
}
