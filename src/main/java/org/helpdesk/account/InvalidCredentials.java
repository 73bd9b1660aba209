package org.helpdesk.account;

/**
 * Unknown user, wrong password or inactive account: deliberately indistinguishable.
 */
public class InvalidCredentials extends RuntimeException {

	public InvalidCredentials() {
		super("Invalid username or password", null, false, false);
	}
}
