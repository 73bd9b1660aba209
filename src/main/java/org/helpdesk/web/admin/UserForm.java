package org.helpdesk.web.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountChanges;
import org.helpdesk.account.NewAccount;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;

/**
 * The user form as typed. {@code allQueues} is the "all queues" checkbox (absent when unticked, as browsers send
 * it); {@code queues} holds the ticked queue checkboxes, which count only without it. None ticked means none.
 */
record UserForm(String username, String password, String email, String firstName, String lastName, String role,
		Boolean allQueues, List<String> queues) {

	static final String NO_SUCH_QUEUE = "names a queue that does not exist";

	static UserForm empty() {
		return new UserForm("", "", "", "", "", "agent", true, List.of());
	}

	static UserForm of(Account a) {
		return new UserForm(a.username(), "", a.email() == null ? "" : a.email(), a.firstName(), a.lastName(),
				a.role().code(), a.allQueues(), a.queueIds().stream().map(String::valueOf).toList());
	}

	NewAccount newAccount() {
		return new NewAccount(username, password, email == null || email.isBlank() ? null : email.trim(), firstName,
				lastName, role, queueIds(), everyQueue(), true);
	}

	/** Everything the edit form shows; the password and the active flag have pages of their own. */
	AccountChanges changes() {
		return new AccountChanges(username, null, email == null ? "" : email.trim(), firstName, lastName, role,
				queueIds(), everyQueue(), null, null, null);
	}

	/** Whether "all queues" is ticked, for re-rendering the checkbox. */
	public boolean everyQueue() {
		return Boolean.TRUE.equals(allQueues);
	}

	/** Whether the queue with this id is ticked, for re-rendering the checkboxes. */
	public boolean limitedTo(long queueId) {
		return queues != null && queues.contains(String.valueOf(queueId));
	}

	private Set<Long> queueIds() {
		Set<Long> ids = new LinkedHashSet<>();
		for (String queue : queues == null || everyQueue() ? List.<String>of() : queues) {
			try {
				ids.add(Long.valueOf(Input.withoutSurroundingSpace(queue)));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInput("queues", NO_SUCH_QUEUE);
			}
		}
		return ids;
	}
}
