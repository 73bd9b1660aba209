package org.helpdesk.core;

/**
 * Something that does not exist, or that the caller may not see (the two answer alike).
 */
public abstract class NotFound extends RuntimeException {

	protected NotFound(String message) {
		super(message, null, false, false);
	}
}
