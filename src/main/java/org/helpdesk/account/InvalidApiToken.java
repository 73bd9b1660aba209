package org.helpdesk.account;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token that does not sign anybody in: malformed, unknown, revoked, expired, or of an account that is no
 * longer active. Answered 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}.
 */
public class InvalidApiToken extends AuthenticationException {

	InvalidApiToken(String message) {
		super(message);
	}

	static InvalidApiToken unknown() {
		return new InvalidApiToken("The token is not valid: unknown, revoked, or its account is inactive");
	}
}
