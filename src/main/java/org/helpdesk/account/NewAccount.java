package org.helpdesk.account;

import java.util.Set;

/**
 * An account to create. With {@code allQueues} the account may use every queue and {@code queueIds} must be empty;
 * without it, only the queues listed (possibly none).
 */
public record NewAccount(String username, String password, String email, String firstName, String lastName,
		String role, Set<Long> queueIds, boolean allQueues, Boolean active) {
}
