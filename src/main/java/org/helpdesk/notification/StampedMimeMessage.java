package org.helpdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message that keeps the Message-ID recorded in the outbox. Jakarta Mail would otherwise invent a new one when
 * the message is saved, and replies could no longer be matched to the ticket.
 */
class StampedMimeMessage extends MimeMessage {

	private final String messageId;

	StampedMimeMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", messageId);
	}
}
