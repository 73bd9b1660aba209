package org.helpdesk.account;

/**
 * What an account change did, in the words of the audit trail.
 */
final class AccountChangeText {

	private AccountChangeText() {
	}

	static String of(Account before, Account after, boolean passwordChanged) {
		StringBuilder detail = new StringBuilder();
		if (before.role() != after.role()) {
			detail.append("role ").append(before.role().code()).append(" -> ").append(after.role().code()).append("; ");
		}
		if (before.active() != after.active()) {
			detail.append("active ").append(before.active()).append(" -> ").append(after.active()).append("; ");
		}
		if (before.allQueues() != after.allQueues()) {
			detail.append("all queues ").append(before.allQueues()).append(" -> ").append(after.allQueues()).append("; ");
		}
		if (!before.queueIds().equals(after.queueIds())) {
			detail.append("queues ").append(before.queueIds()).append(" -> ").append(after.queueIds()).append("; ");
		}
		if (passwordChanged) {
			detail.append("password changed; ");
		}
		return detail.toString().trim();
	}
}
