package org.helpdesk.notification;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The headers every mail we send carries besides From, To and Subject: those that keep auto-responders from
 * answering it (no mail loops between the helpdesk and an out-of-office reply or another helpdesk), those that put
 * it into the recipient's thread of the ticket, and the queue's address to reply to.
 */
final class MailHeaders {

	private MailHeaders() {
	}

	static void stamp(MimeMessage message, QueuedMail mail) throws MessagingException {
		MailThread thread = mail.thread();
		// RFC 3834: answers to inbound mail are auto-replied, notifications of changes auto-generated; auto-responders
		// that follow the RFC (Sieve vacation, Exchange, Gmail) answer neither
		message.setHeader("Auto-Submitted", thread.autoSubmitted());
		// Exchange and Outlook send no out-of-office, read or delivery receipts for this mail
		message.setHeader("X-Auto-Response-Suppress", "All");
		// not standardised (RFC 2076), but bulk is the value older vacation programs and list managers honour; the
		// auto_reply of the original helpdesk is honoured by almost none of them
		message.setHeader("Precedence", "bulk");
		if (thread.inReplyTo().isPresent()) {
			message.setHeader("In-Reply-To", thread.inReplyTo().get());
		}
		List<String> references = thread.references();
		if (!references.isEmpty()) {
			message.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", references)));
		}
		if (mail.replyTo().isPresent()) {
			message.setReplyTo(InternetAddress.parse(mail.replyTo().get(), true));
		}
	}
}
