package org.helpdesk.account;

import java.util.Locale;
import java.util.Optional;

/** Roles from the most to the least rights. */
public enum Role {

	ADMIN, AGENT, USER;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isStaff() {
		return this != USER;
	}

	/** Whether this role has fewer rights than the other. */
	boolean isBelow(Role other) {
		return ordinal() > other.ordinal();
	}

	public static Optional<Role> fromCode(String code) {
		for (Role role : values()) {
			if (role.code().equals(code)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
