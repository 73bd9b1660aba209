package org.helpdesk.account;

import java.util.Set;

/**
 * A person who signs in. Agents limited to some queues list them in {@code queueIds}; an empty set means all.
 */
public record Account(long id, String username, String email, String firstName, String lastName, Role role,
		boolean active, Set<Long> queueIds, boolean emailOnTicketChange, boolean emailOnTicketAssign)
		implements java.io.Serializable {

	public boolean isStaff() {
		return active && role.isStaff();
	}

	public boolean isAdmin() {
		return active && role == Role.ADMIN;
	}

	public boolean canAccessQueue(long queueId) {
		return isAdmin() || (isStaff() && (queueIds.isEmpty() || queueIds.contains(queueId)));
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
}
