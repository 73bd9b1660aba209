package org.helpdesk.notification;

import java.util.Optional;

import org.helpdesk.queue.Queue;
import org.helpdesk.ticket.TicketDetails;

/**
 * What a mail tells: the ticket as it is now, its queue, and the follow-up that caused the mail (its text and
 * whether customers may read it). {@code mergedInto} is the ticket a merged ticket now lives on. {@code answers} is
 * the Message-ID of the inbound mail that caused the change, when one did: the mails then answer it.
 */
record TicketNews(TicketDetails ticket, Queue queue, Optional<String> ownerName, Optional<FollowUpText> followUp,
		Optional<TicketDetails> mergedInto, Optional<String> answers) {

	/** The text of the follow-up behind the news; a private one is for staff only. */
	record FollowUpText(String comment, boolean isPublic) {
	}

	static TicketNews of(TicketDetails ticket, Queue queue, Optional<String> ownerName,
			Optional<FollowUpText> followUp) {
		return new TicketNews(ticket, queue, ownerName, followUp, Optional.empty(), Optional.empty());
	}

	static TicketNews merged(TicketDetails ticket, Queue queue, TicketDetails target) {
		return new TicketNews(ticket, queue, Optional.empty(), Optional.empty(), Optional.of(target), Optional.empty());
	}

	/**
	 * The same news, caused by the inbound mail with this Message-ID (with or without angle brackets): its mails
	 * say {@code Auto-Submitted: auto-replied} and carry {@code In-Reply-To} of that mail.
	 */
	TicketNews answering(String inboundMessageId) {
		return new TicketNews(ticket, queue, ownerName, followUp, mergedInto, Optional.ofNullable(inboundMessageId));
	}
}
