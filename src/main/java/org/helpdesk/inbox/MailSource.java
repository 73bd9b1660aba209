package org.helpdesk.inbox;

/** The channel a message came by; recorded with the message and in quarantine. */
public enum MailSource {
	IMAP, POP3, FOLDER, HTTP
}
