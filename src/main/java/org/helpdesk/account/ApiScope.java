package org.helpdesk.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a personal API token may do: {@code read} (GET), {@code write} (every other method) and {@code admin} (the
 * administration resources, reading and changing). A token never holds more than its owner's role allows:
 * administrators all three, agents {@code read} and {@code write}, customers none (the JSON API has nothing for them).
 */
public enum ApiScope {

	READ, WRITE, ADMIN;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ApiScope> fromCode(String code) {
		for (ApiScope scope : values()) {
			if (scope.code().equals(code)) {
				return Optional.of(scope);
			}
		}
		return Optional.empty();
	}

	/** The scopes a token of a person with this role may hold; checked again on every request. */
	public static Set<ApiScope> allowedFor(Role role) {
		return switch (role) {
			case ADMIN -> EnumSet.allOf(ApiScope.class);
			case AGENT -> EnumSet.of(READ, WRITE);
			case USER -> EnumSet.noneOf(ApiScope.class);
		};
	}
}
