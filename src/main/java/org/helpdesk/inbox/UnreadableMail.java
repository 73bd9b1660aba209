package org.helpdesk.inbox;

/** Bytes that are not a mail message at all; the message goes to quarantine with this reason. */
public class UnreadableMail extends RuntimeException {

	public UnreadableMail(String reason) {
		super(reason);
	}
}
