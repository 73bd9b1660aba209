package org.helpdesk.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a person asks for when creating a token: a name, scope codes ({@code read}, {@code write}, {@code admin}) and
 * an expiry, or none for a token that lasts until it is revoked.
 */
public record NewApiToken(String name, List<String> scopes, Optional<Instant> expires) {

	public static NewApiToken lastingUntilRevoked(String name, List<String> scopes) {
		return new NewApiToken(name, scopes, Optional.empty());
	}

	public static NewApiToken expiring(String name, List<String> scopes, Instant expires) {
		return new NewApiToken(name, scopes, Optional.of(expires));
	}
}
