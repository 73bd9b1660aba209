package org.helpdesk.account;

/**
 * Too many failed logins from one address or against one account; try again after {@code retryAfterSeconds}.
 */
public class LoginThrottled extends RuntimeException {

	private final long retryAfterSeconds;

	public LoginThrottled(long retryAfterSeconds) {
		super("Too many failed login attempts", null, false, false);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
