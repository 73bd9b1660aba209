package org.helpdesk.account;

import java.util.Locale;
import java.util.Optional;

public enum Role {

	ADMIN, AGENT, USER;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isStaff() {
		return this != USER;
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
