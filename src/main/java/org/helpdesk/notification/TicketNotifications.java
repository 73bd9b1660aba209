package org.helpdesk.notification;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.notification.RecipientRules.Parties;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.FollowUpView;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketEvents.CommentAdded;
import org.helpdesk.ticket.TicketEvents.TicketOpened;
import org.helpdesk.ticket.TicketEvents.TicketResolved;
import org.helpdesk.ticket.TicketReader;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the mails a ticket change causes into the outbox. It listens synchronously, inside the transaction that
 * made the change, so the mails commit or roll back with it: no mail about a change that did not happen, and no
 * change whose mail is lost.
 */
@Component
class TicketNotifications {

	private final TicketReader tickets;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final MailComposer composer;

	private final MailOutbox outbox;

	TicketNotifications(TicketReader tickets, QueueManagement queues, AccountManagement accounts,
			MailComposer composer, MailOutbox outbox) {
		this.tickets = tickets;
		this.queues = queues;
		this.accounts = accounts;
		this.composer = composer;
		this.outbox = outbox;
	}

	@EventListener
	void on(TicketOpened event) {
		tell(event.ticketId(), event.followUpId(), event.actorId(), RecipientRules::opened);
	}

	@EventListener
	void on(CommentAdded event) {
		tell(event.ticketId(), event.followUpId(), event.actorId(),
				parties -> RecipientRules.commented(parties, event.isPublic()));
	}

	@EventListener
	void on(TicketResolved event) {
		tell(event.ticketId(), event.followUpId(), event.actorId(), RecipientRules::resolved);
	}

	private void tell(long ticketId, long followUpId, Long actorId, Function<Parties, List<Recipient>> rule) {
		Optional<TicketDetails> found = tickets.details(ticketId);
		if (found.isEmpty()) {
			return;
		}
		TicketDetails ticket = found.get();
		Queue queue = queues.get(ticket.queueId());
		Account owner = ticket.ownerId() == null ? null : accounts.find(ticket.ownerId()).orElse(null);
		String actorEmail = actorId == null ? null : accounts.find(actorId).map(Account::email).orElse(null);
		Parties parties = new Parties(ticket.submitterEmail(), ticket.ccEmails(), queue.newTicketCcAddresses(),
				queue.updatedTicketCcAddresses(), queue.emailAddress(), owner, actorId, actorEmail);
		String comment = tickets.followUp(followUpId).map(FollowUpView::comment).orElse(null);
		TicketNews news = new TicketNews(ticket, queue, owner == null ? null : owner.displayName(), comment);
		for (Recipient recipient : rule.apply(parties)) {
			outbox.enqueue(composer.compose(recipient, news));
		}
	}
}
