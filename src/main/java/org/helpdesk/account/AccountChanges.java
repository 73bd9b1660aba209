package org.helpdesk.account;

import java.util.Set;

/**
 * A partial update: every null field stays as it is. {@code allQueues} true empties the queue list; a queue list
 * with {@code allQueues} true is refused.
 */
public record AccountChanges(String username, String password, String email, String firstName, String lastName,
		String role, Set<Long> queueIds, Boolean allQueues, Boolean active, Boolean emailOnTicketChange,
		Boolean emailOnTicketAssign) {

	public static AccountChanges password(String password) {
		return new AccountChanges(null, password, null, null, null, null, null, null, null, null, null);
	}

	public static AccountChanges active(boolean active) {
		return new AccountChanges(null, null, null, null, null, null, null, null, active, null, null);
	}
}
