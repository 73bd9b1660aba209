package org.helpdesk.notification;

import java.util.OptionalLong;

/**
 * A mail for the outbox, not yet rendered: the dispatcher renders {@code template} from {@code snapshot} just
 * before sending. {@code sender} is an RFC 5322 address, possibly with an encoded name; a merge has no follow-up.
 */
record OutgoingMail(long ticketId, OptionalLong followUpId, MailTemplate template, String messageId, String sender,
		String recipient, String subject, MailSnapshot snapshot) {
}
