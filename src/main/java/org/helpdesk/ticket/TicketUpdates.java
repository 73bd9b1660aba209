package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.Actor;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.TicketEvents.TicketUpdated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies and changes from people working a ticket (the reply form, taking, bulk actions): one follow-up per update,
 * a history entry per changed field, status transitions checked by the ticket, and an update made on top of an
 * outdated version refused.
 */
@Service
@Transactional
public class TicketUpdates {

	private final Tickets tickets;

	private final TicketAccess access;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final AttachmentStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TicketUpdates(Tickets tickets, TicketAccess access, QueueManagement queues, AccountManagement accounts,
			AttachmentStore files, ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.queues = queues;
		this.accounts = accounts;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/** Applies the update; returns the id of the follow-up recorded, or empty when nothing changed. */
	public Optional<Long> update(long ticketId, TicketUpdate update, Actor actor) {
		List<FieldProblem> problems = new ArrayList<>();
		TicketRules.text("comment", update.comment().orElse(null), problems);
		TicketRules.priority(update.priority().orElse(null), problems);
		update.timeSpent().filter(t -> t.isNegative() || t.toDays() > 365)
			.ifPresent(t -> problems.add(new FieldProblem("time_spent", "must be between 0 and 365 days")));
		Ticket ticket = access.lockVisible(ticketId, actor);
		ticket.checkSeen(update.seenVersion());
		checkQueueAndOwner(ticket, update, actor, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		boolean finishing = update.newStatus().filter(s -> s == TicketStatus.RESOLVED || s == TicketStatus.CLOSED)
			.filter(s -> s != ticket.status()).isPresent();
		if (finishing && tickets.hasActiveDependencies(ticketId)) {
			throw new OpenDependencies();
		}
		files.validate("attachment", update.attachments());
		return record(ticket, update, actor);
	}

	/**
	 * Takes a ticket that nobody else owns, for the bulk take of the list, which carries no versions: a ticket someone
	 * else owns (perhaps since a moment ago) is refused rather than silently taken from them.
	 */
	public Optional<Long> takeUnowned(long ticketId, Actor actor) {
		long me = TicketAccess.requireActor(actor).accountId()
			.orElseThrow(() -> new IllegalArgumentException("only a person can take a ticket"));
		Ticket ticket = access.lockVisible(ticketId, actor);
		if (ticket.ownerId() != null && ticket.ownerId() != me) {
			throw new TicketOwnedByAnother();
		}
		return update(ticketId, TicketUpdate.assign(me).basedOn(ticket.version()), actor);
	}

	private void checkQueueAndOwner(Ticket ticket, TicketUpdate update, Actor actor, List<FieldProblem> problems) {
		long queueId = update.queueId().orElse(ticket.queueId());
		if (update.queueId().isPresent() && queues.find(queueId).filter(q -> actor.mayUseQueue(q.id())).isEmpty()) {
			problems.add(new FieldProblem("queue", "no such queue"));
		}
		Optional<Long> newOwner = update.changesOwner() ? update.newOwner() : Optional.empty();
		if (newOwner.isPresent() && accounts.find(newOwner.get()).filter(o -> o.canAccessQueue(queueId)).isEmpty()) {
			problems.add(new FieldProblem("owner", "must be an active agent with access to the queue"));
		}
	}

	private Optional<Long> record(Ticket ticket, TicketUpdate update, Actor actor) {
		Long previousOwner = ticket.ownerId();
		Long author = TicketAccess.authorOf(actor);
		Instant now = clock.instant();
		Optional<FollowUpDraft> draft = ticket.update(update, this::ownerName, this::queueName, author, now);
		if (draft.isEmpty()) {
			return Optional.empty();
		}
		long followUpId = tickets.save(ticket, draft.get());
		for (Upload upload : update.attachments()) {
			tickets.insertAttachment(followUpId, files.store(upload));
		}
		events.publishEvent(new TicketUpdated(ticket.id(), followUpId, author, draft.get().isPublic(),
				!Objects.equals(previousOwner, ticket.ownerId()), draft.get().newStatus(),
				draft.get().comment() != null));
		return Optional.of(followUpId);
	}

	private String ownerName(long accountId) {
		return accounts.find(accountId).map(Account::displayName).orElse("#" + accountId);
	}

	private String queueName(long queueId) {
		return queues.find(queueId).map(Queue::title).orElse("#" + queueId);
	}
}
