package org.helpdesk.restapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountChanges;
import org.helpdesk.account.NewAccount;

/**
 * A user in JSON. The password is accepted on input and never written out. {@code all_queues} says whether an
 * agent may use every queue; without it, scripts written before it existed keep their meaning: no {@code queues}
 * (or an empty list) means all queues, a list limits the agent to those.
 */
record UserBody(Long id, String username, @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
		String email, String firstName, String lastName, String role, List<Long> queues, Boolean allQueues,
		Boolean active, Boolean emailOnTicketChange, Boolean emailOnTicketAssign) {

	static UserBody of(Account a) {
		return new UserBody(a.id(), a.username(), null, a.email(), a.firstName(), a.lastName(), a.role().code(),
				a.queueIds().stream().sorted().toList(), a.allQueues(), a.active(), a.emailOnTicketChange(),
				a.emailOnTicketAssign());
	}

	NewAccount newAccount() {
		Set<Long> queueSet = queueSet();
		boolean all = allQueues != null ? allQueues : queueSet == null || queueSet.isEmpty();
		return new NewAccount(username, password, email, firstName, lastName, role, queueSet, all, active);
	}

	AccountChanges changes() {
		Set<Long> queueSet = queueSet();
		Boolean all = allQueues != null || queueSet == null ? allQueues : Boolean.valueOf(queueSet.isEmpty());
		return new AccountChanges(username, password, email, firstName, lastName, role, queueSet, all, active,
				emailOnTicketChange, emailOnTicketAssign);
	}

	private Set<Long> queueSet() {
		return queues == null ? null : new LinkedHashSet<>(queues);
	}
}
