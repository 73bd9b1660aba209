package org.helpdesk.queue;

/** The stored mailbox password was encrypted with another key than this node's {@code helpdesk.inbox.secret-key}. */
public class MailboxPasswordUnreadable extends RuntimeException {

	public MailboxPasswordUnreadable() {
		super("the stored password cannot be decrypted with this node's helpdesk.inbox.secret-key; enter it again");
	}
}
