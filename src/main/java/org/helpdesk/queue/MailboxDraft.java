package org.helpdesk.queue;

/**
 * Mailbox fields from a request; on an update, null fields stay as they are. {@code type} is the wire name, blank
 * for none; an empty text clears a field; {@code port} 0 goes back to the protocol's usual port; an empty or null
 * {@code password} keeps the stored one.
 */
public record MailboxDraft(String type, String host, Integer port, Boolean ssl, String user, String password,
		String imapFolder, String localDir, Integer interval) {

	public static final MailboxDraft UNCHANGED = new MailboxDraft(null, null, null, null, null, null, null, null, null);
}
