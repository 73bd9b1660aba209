package org.helpdesk.notification;

/**
 * A mail in the outbox that this node has claimed and is about to send.
 */
record QueuedMail(long id, String messageId, String sender, String recipient, String subject, String bodyText,
		String bodyHtml, int attempts) {
}
