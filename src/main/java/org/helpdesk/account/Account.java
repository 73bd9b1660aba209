package org.helpdesk.account;

import java.util.Set;

/**
 * A person who signs in. An agent may use every queue ({@code allQueues}) or only those in {@code queueIds}, which
 * may be none at all (when the last of them was deleted). Administrators use every queue.
 */
public record Account(long id, String username, String email, String firstName, String lastName, Role role,
		boolean active, Set<Long> queueIds, boolean allQueues, boolean emailOnTicketChange, boolean emailOnTicketAssign)
		implements java.io.Serializable, org.helpdesk.core.Actor {

	public boolean isStaff() {
		return active && role.isStaff();
	}

	public boolean isAdmin() {
		return active && role == Role.ADMIN;
	}

	public boolean canAccessQueue(long queueId) {
		return isAdmin() || (isStaff() && (allQueues || queueIds.contains(queueId)));
	}

	/** Whether no queue is closed to this person: administrators, and agents not limited to some queues. */
	public boolean usesEveryQueue() {
		return isAdmin() || (isStaff() && allQueues);
	}

	/** Full name when there is one, else the username. */
	public String displayName() {
		return displayName(username, firstName, lastName);
	}

	/** The name a person is shown by, for readers that have the columns but no {@code Account}. */
	public static String displayName(String username, String firstName, String lastName) {
		String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
		return full.isEmpty() ? username : full;
	}

	/**
	 * {@link #displayName()} in SQL, for queries that sort or join by it; {@code alias} names the account table.
	 */
	public static String displayNameSql(String alias) {
		return "coalesce(nullif(trim(concat(" + alias + ".first_name, ' ', " + alias + ".last_name)), ''), " + alias
				+ ".username)";
	}

	public boolean hasEmail() {
		return email != null && !email.isBlank();
	}

	@Override
	public boolean mayUseQueue(long queueId) {
		return canAccessQueue(queueId);
	}

	@Override
	public java.util.OptionalLong accountId() {
		return java.util.OptionalLong.of(id);
	}

	@Override
	public String auditName() {
		return username;
	}
}
