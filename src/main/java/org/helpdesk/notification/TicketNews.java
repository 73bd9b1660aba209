package org.helpdesk.notification;

import org.helpdesk.queue.Queue;
import org.helpdesk.ticket.TicketDetails;

/**
 * What a mail tells: the ticket as it is now, its queue, and the text of the follow-up that caused the mail.
 */
record TicketNews(TicketDetails ticket, Queue queue, String ownerName, String comment) {
}
