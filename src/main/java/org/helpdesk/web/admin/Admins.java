package org.helpdesk.web.admin;

import org.helpdesk.account.Account;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The security chain lets only admins reach {@code /admin/**}, but it judges by the role stored in the session;
 * the account re-read for this request is what counts, so an admin demoted or deactivated a moment ago is refused
 * at once.
 */
final class Admins {

	private Admins() {
	}

	static Account require(Account me) {
		if (me == null || !me.isAdmin()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return me;
	}
}
