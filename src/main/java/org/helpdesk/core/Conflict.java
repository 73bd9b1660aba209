package org.helpdesk.core;

/**
 * A request that is well-formed but cannot be carried out in the current state.
 */
public abstract class Conflict extends RuntimeException {

	protected Conflict(String message) {
		super(message, null, false, false);
	}
}
