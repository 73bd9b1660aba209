package org.helpdesk.ticket;

/**
 * What inbound mail did to tickets, published inside the transaction of the change. Each carries the Message-ID of
 * the mail (without angle brackets), so that the mails these events cause can answer in the sender's thread.
 */
public final class MailEvents {

	private MailEvents() {
	}

	/** A mail from {@code submitterEmail} opened a ticket; its To/Cc addresses are already the ticket's CCs. */
	public record TicketOpenedByMail(long ticketId, long followUpId, long queueId, String submitterEmail,
			String inboundMessageId) implements TicketChange {
	}

	/** A mail from {@code senderEmail} was added as a public follow-up; {@code reopened} when it reopened the ticket. */
	public record MailReplyReceived(long ticketId, long followUpId, String senderEmail, String inboundMessageId,
			boolean reopened) implements TicketChange {
	}

	/** An automatic answer or a bounce was recorded as a private note; nobody is to be told (no mail loops). */
	public record MailNoteRecorded(long ticketId, long followUpId, String inboundMessageId) implements TicketChange {
	}
}
