package org.helpdesk.notification;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail as GreenMail received it, read the way a mail client would.
 */
record ReceivedMail(String subject, String messageId, InternetAddress from, String contentType, String text,
		String html) {

	static ReceivedMail of(MimeMessage message) {
		try {
			Multipart parts = (Multipart) message.getContent();
			String text = null;
			String html = null;
			for (int i = 0; i < parts.getCount(); i++) {
				BodyPart part = parts.getBodyPart(i);
				if (part.isMimeType("text/plain")) {
					text = (String) part.getContent();
				}
				else if (part.isMimeType("text/html")) {
					html = (String) part.getContent();
				}
			}
			return new ReceivedMail(message.getSubject(), message.getMessageID(),
					(InternetAddress) message.getFrom()[0], message.getContentType(), text, html);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Unreadable mail", ex);
		}
	}
}
