package org.helpdesk.notification;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A mail for the outbox, not yet rendered: the dispatcher renders {@code template} from {@code snapshot} just
 * before sending. {@code sender} and {@code replyTo} are RFC 5322 addresses, possibly with an encoded name; a merge
 * has no follow-up. {@code thread} places the mail in the recipient's conversation about the ticket.
 */
record OutgoingMail(long ticketId, OptionalLong followUpId, MailTemplate template, String messageId, String sender,
		String recipient, String subject, MailSnapshot snapshot, MailThread thread, Optional<String> replyTo) {

	OutgoingMail inThread(MailThread newThread) {
		return new OutgoingMail(ticketId, followUpId, template, messageId, sender, recipient, subject, snapshot,
				newThread, replyTo);
	}
}
