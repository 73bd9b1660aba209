package org.helpdesk.notification;

import java.util.Optional;

import org.helpdesk.queue.Queue;
import org.helpdesk.ticket.TicketDetails;

/**
 * What a mail tells: the ticket as it is now, its queue, and the follow-up that caused the mail (its text and
 * whether customers may read it). {@code mergedInto} is the ticket a merged ticket now lives on.
 */
record TicketNews(TicketDetails ticket, Queue queue, Optional<String> ownerName, Optional<FollowUpText> followUp,
		Optional<TicketDetails> mergedInto) {

	/** The text of the follow-up behind the news; a private one is for staff only. */
	record FollowUpText(String comment, boolean isPublic) {
	}

	static TicketNews of(TicketDetails ticket, Queue queue, Optional<String> ownerName,
			Optional<FollowUpText> followUp) {
		return new TicketNews(ticket, queue, ownerName, followUp, Optional.empty());
	}

	static TicketNews merged(TicketDetails ticket, Queue queue, TicketDetails target) {
		return new TicketNews(ticket, queue, Optional.empty(), Optional.empty(), Optional.of(target));
	}
}
