package org.helpdesk.account;

import org.springframework.security.core.AuthenticationException;

/**
 * Spring Security's view of {@link LoginThrottled}, so entry points can answer 429 with Retry-After.
 */
public class ThrottledAuthentication extends AuthenticationException {

	private final long retryAfterSeconds;

	public ThrottledAuthentication(long retryAfterSeconds) {
		super("Too many failed login attempts");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
