package org.helpdesk.account;

import java.util.Set;

/**
 * A partial update: every null field stays as it is.
 */
public record AccountChanges(String username, String password, String email, String firstName, String lastName,
		String role, Set<Long> queueIds, Boolean active, Boolean emailOnTicketChange, Boolean emailOnTicketAssign) {
}
