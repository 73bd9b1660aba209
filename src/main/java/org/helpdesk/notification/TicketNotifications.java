package org.helpdesk.notification;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.notification.RecipientRules.Parties;
import org.helpdesk.notification.TicketNews.FollowUpText;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.CustomerEvents.CustomerReplied;
import org.helpdesk.ticket.CustomerEvents.ResolutionAccepted;
import org.helpdesk.ticket.MailEvents.MailReplyReceived;
import org.helpdesk.ticket.MailEvents.TicketOpenedByMail;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketEvents.CommentAdded;
import org.helpdesk.ticket.TicketEvents.EscalationNoticed;
import org.helpdesk.ticket.TicketEvents.TicketEscalated;
import org.helpdesk.ticket.TicketEvents.TicketMerged;
import org.helpdesk.ticket.TicketEvents.TicketOpened;
import org.helpdesk.ticket.TicketEvents.TicketResolved;
import org.helpdesk.ticket.TicketEvents.TicketUpdated;
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
		// most API traffic opens tickets nobody is to hear of: tell that from the event, without reading the ticket
		boolean noSubmitter = event.submitterEmail() == null || event.submitterEmail().isBlank();
		if (noSubmitter && event.ownerId() == null && queues.get(event.queueId()).newTicketCcAddresses().isEmpty()) {
			return;
		}
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

	@EventListener
	void on(TicketUpdated event) {
		tell(event.ticketId(), event.followUpId(), event.actorId(), parties -> RecipientRules.updated(parties,
				event.isPublic(), event.reassigned(), event.newStatus(), event.commented()));
	}

	/** Customers act without an account; naming the submitter as the actor keeps them from being told. */
	@EventListener
	void on(CustomerReplied event) {
		tell(event.ticketId(), event.followUpId(), null,
				parties -> RecipientRules.customerActed(asActor(parties), false));
	}

	@EventListener
	void on(ResolutionAccepted event) {
		tell(event.ticketId(), event.followUpId(), null, parties -> RecipientRules.customerActed(asActor(parties), true));
	}

	/** Mail that reached the helpdesk: the answers join the sender's thread (see {@link #IN_REPLY_TO}). */
	@EventListener
	void on(TicketOpenedByMail event) {
		tell(event.ticketId(), OptionalLong.of(event.followUpId()), null, RecipientRules::openedByMail,
				event.inboundMessageId());
	}

	@EventListener
	void on(MailReplyReceived event) {
		tell(event.ticketId(), OptionalLong.of(event.followUpId()), null, RecipientRules::repliedByMail,
				event.inboundMessageId());
	}

	@EventListener
	void on(TicketMerged event) {
		Optional<TicketDetails> target = tickets.details(event.targetId());
		Optional<TicketDetails> source = tickets.details(event.ticketId());
		if (target.isEmpty() || source.isEmpty()) {
			return;
		}
		Parties parties = parties(source.get(), event.actorId());
		TicketNews news = TicketNews.merged(source.get(), queues.get(source.get().queueId()), target.get());
		List<Recipient> recipients = RecipientRules.merged(new Parties(event.submitterEmail(), source.get().ccEmails(),
				List.of(), List.of(), parties.queueAddress(), null, parties.actorId(), parties.actorEmail()));
		recipients.forEach(recipient -> outbox.enqueue(composer.compose(recipient, news, OptionalLong.empty())));
	}

	@EventListener
	void on(TicketEscalated event) {
		tell(event.ticketId(), event.followUpId(), null, RecipientRules::escalated);
	}

	/** Notify-only escalation: the same mails, about a ticket nothing was recorded on. */
	@EventListener
	void on(EscalationNoticed event) {
		tell(event.ticketId(), OptionalLong.empty(), null, RecipientRules::escalated, null);
	}

	private void tell(long ticketId, long followUpId, Long actorId, Function<Parties, List<Recipient>> rule) {
		tell(ticketId, OptionalLong.of(followUpId), actorId, rule, null);
	}

	private void tell(long ticketId, OptionalLong followUpId, Long actorId, Function<Parties, List<Recipient>> rule,
			String inboundMessageId) {
		Optional<TicketDetails> found = tickets.details(ticketId);
		if (found.isEmpty()) {
			return;
		}
		TicketDetails ticket = found.get();
		Queue queue = queues.get(ticket.queueId());
		// most API traffic concerns nobody with an address: spare it the lookups below
		if (nobodyToTell(ticket, queue)) {
			return;
		}
		Parties parties = parties(ticket, actorId);
		List<Recipient> recipients = rule.apply(parties);
		if (recipients.isEmpty()) {
			return;
		}
		TicketNews news = TicketNews.of(ticket, queue, Optional.ofNullable(parties.owner()).map(Account::displayName),
				followUpId.isPresent() ? followUpText(followUpId.getAsLong(), recipients) : Optional.empty())
			.answering(inboundMessageId);
		for (Recipient recipient : recipients) {
			outbox.enqueue(composer.compose(recipient, news, followUpId));
		}
	}

	/** Read only when a mail shows it: most new tickets are told with their description alone. */
	private Optional<FollowUpText> followUpText(long followUpId, List<Recipient> recipients) {
		if (recipients.stream().noneMatch(r -> r.template().shows(MailTemplate.Text.COMMENT))) {
			return Optional.empty();
		}
		return tickets.followUp(followUpId).map(f -> new FollowUpText(f.comment(), f.isPublic()));
	}

	private static boolean nobodyToTell(TicketDetails ticket, Queue queue) {
		return (ticket.submitterEmail() == null || ticket.submitterEmail().isBlank()) && ticket.ccEmails().isEmpty()
				&& ticket.ownerId() == null && queue.newTicketCcAddresses().isEmpty()
				&& queue.updatedTicketCcAddresses().isEmpty();
	}

	private Parties parties(TicketDetails ticket, Long actorId) {
		Queue queue = queues.get(ticket.queueId());
		Account owner = ticket.ownerId() == null ? null : accounts.find(ticket.ownerId()).orElse(null);
		String actorEmail = actorId == null ? null : accounts.find(actorId).map(Account::email).orElse(null);
		return new Parties(ticket.submitterEmail(), ticket.ccEmails(), queue.newTicketCcAddresses(),
				queue.updatedTicketCcAddresses(), queue.emailAddress(), owner, actorId, actorEmail);
	}

	private static Parties asActor(Parties p) {
		return new Parties(p.submitter(), p.ticketCcs(), p.queueNewTicketCcs(), p.queueUpdatedTicketCcs(),
				p.queueAddress(), p.owner(), null, p.submitter());
	}
}
