package org.helpdesk.restapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountChanges;
import org.helpdesk.account.NewAccount;

/**
 * A user in JSON. The password is accepted on input and never written out.
 */
record UserBody(Long id, String username, @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
		String email, String firstName, String lastName, String role, List<Long> queues, Boolean active,
		Boolean emailOnTicketChange, Boolean emailOnTicketAssign) {

	static UserBody of(Account a) {
		return new UserBody(a.id(), a.username(), null, a.email(), a.firstName(), a.lastName(), a.role().code(),
				a.queueIds().stream().sorted().toList(), a.active(), a.emailOnTicketChange(), a.emailOnTicketAssign());
	}

	NewAccount newAccount() {
		return new NewAccount(username, password, email, firstName, lastName, role, queueSet(), active);
	}

	AccountChanges changes() {
		return new AccountChanges(username, password, email, firstName, lastName, role, queueSet(), active,
				emailOnTicketChange, emailOnTicketAssign);
	}

	private Set<Long> queueSet() {
		return queues == null ? null : new LinkedHashSet<>(queues);
	}
}
