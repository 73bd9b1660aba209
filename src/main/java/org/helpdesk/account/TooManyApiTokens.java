package org.helpdesk.account;

import org.helpdesk.core.Conflict;

/** A person already has as many tokens as anyone may; one must be revoked first. */
public class TooManyApiTokens extends Conflict {

	public TooManyApiTokens(int max) {
		super("You already have " + max + " API tokens; revoke one before creating another");
	}
}
