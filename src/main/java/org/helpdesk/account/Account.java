package org.helpdesk.account;

import java.util.Set;

/**
 * A person who signs in. Agents limited to some queues list them in {@code queueIds}; an empty set means all.
 */
public record Account(long id, String username, String email, String firstName, String lastName, Role role,
		boolean active, Set<Long> queueIds, boolean emailOnTicketChange, boolean emailOnTicketAssign)
		implements java.io.Serializable, org.helpdesk.core.Actor {

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
		String full = (firstName + " " + lastName).trim();
		return full.isEmpty() ? username : full;
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
