package org.helpdesk.notification;

/**
 * A rendered mail, ready for the outbox. {@code sender} is an RFC 5322 address, possibly with an encoded name.
 */
record OutgoingMail(long ticketId, String template, String messageId, String sender, String recipient,
		String subject, String bodyText, String bodyHtml) {
}
