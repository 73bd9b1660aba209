package org.helpdesk.notification;

import org.helpdesk.queue.Queue;
import org.helpdesk.ticket.TicketDetails;

/**
 * What a mail tells: the ticket as it is now, its queue, and the text of the follow-up that caused the mail.
 * {@code mergedInto} is the ticket a merged ticket now lives on, else null.
 */
record TicketNews(TicketDetails ticket, Queue queue, String ownerName, String comment, TicketDetails mergedInto) {

	TicketNews(TicketDetails ticket, Queue queue, String ownerName, String comment) {
		this(ticket, queue, ownerName, comment, null);
	}
}
