package org.helpdesk.account;

import org.helpdesk.core.NotFound;

/** No token with this id among the caller's own. */
public class ApiTokenNotFound extends NotFound {

	public ApiTokenNotFound(long id) {
		super("No API token with id " + id);
	}
}
