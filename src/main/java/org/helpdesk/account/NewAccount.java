package org.helpdesk.account;

import java.util.Set;

public record NewAccount(String username, String password, String email, String firstName, String lastName,
		String role, Set<Long> queueIds, Boolean active) {
}
