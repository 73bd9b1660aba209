package org.helpdesk.inbox;

import org.helpdesk.queue.Mailbox;

/** A mailbox with its password in clear, as a channel needs it; never printed with the password. */
record MailboxAccess(long queueId, Mailbox box, String password) {

	@Override
	public String toString() {
		return "mailbox of queue " + queueId + " (" + box.type().wireName() + " " + where() + ")";
	}

	String where() {
		return box.localDir() != null && box.host() == null ? box.localDir()
				: box.user() + "@" + box.host() + (box.port() == null ? "" : ":" + box.port());
	}
}
