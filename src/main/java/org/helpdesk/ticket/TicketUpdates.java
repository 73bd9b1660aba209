package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.TicketEvents.TicketUpdated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies and changes from people working a ticket (the reply form, the JSON API): one follow-up per update,
 * a history entry per changed field, status transitions checked here on the server.
 */
@Service
@Transactional
public class TicketUpdates {

	private final Tickets tickets;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final AttachmentStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TicketUpdates(Tickets tickets, QueueManagement queues, AccountManagement accounts, AttachmentStore files,
			ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.queues = queues;
		this.accounts = accounts;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/** Applies the update; returns the id of the follow-up recorded, or empty when nothing changed. */
	public Optional<Long> update(long ticketId, TicketUpdate update, Account actor) {
		List<FieldProblem> problems = new ArrayList<>();
		TicketRules.text("comment", update.comment(), problems);
		TicketRules.priority(update.priority(), problems);
		if (update.timeSpent() != null && (update.timeSpent().isNegative() || update.timeSpent().toDays() > 365)) {
			problems.add(new FieldProblem("time_spent", "must be between 0 and 365 days"));
		}
		Ticket ticket = tickets.lock(ticketId).filter(t -> TicketManagement.mayUse(actor, t.queueId()))
			.orElseThrow(() -> new TicketNotFound(ticketId));
		if (update.expectedVersion() != null && update.expectedVersion() != ticket.version()) {
			throw new TicketChangedConcurrently();
		}
		long queueId = update.queueId() == null ? ticket.queueId() : update.queueId();
		if (update.queueId() != null && queues.find(queueId).filter(q -> TicketManagement.mayUse(actor, q.id())).isEmpty()) {
			problems.add(new FieldProblem("queue", "no such queue"));
		}
		if (update.ownerId() != null && accounts.find(update.ownerId()).filter(o -> o.canAccessQueue(queueId)).isEmpty()) {
			problems.add(new FieldProblem("owner", "must be an active agent with access to the queue"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		boolean finishing = update.newStatus() == TicketStatus.RESOLVED || update.newStatus() == TicketStatus.CLOSED;
		if (finishing && update.newStatus() != ticket.status() && tickets.hasActiveDependencies(ticketId)) {
			throw new OpenDependencies();
		}
		List<Upload> uploads = update.attachments() == null ? List.of() : update.attachments();
		files.validate("attachment", uploads);
		boolean ownerChanged = update.unassign() || update.ownerId() != null;
		var changes = new Ticket.Changes(update.comment(), update.isPublic(), update.newStatus(), ownerChanged,
				update.unassign() ? null : update.ownerId(), update.priority(), update.queueId(),
				update.clearDueDate() || update.dueDate() != null, update.clearDueDate() ? null : update.dueDate(),
				!uploads.isEmpty(), update.timeSpent());
		Long previousOwner = ticket.ownerId();
		Instant now = clock.instant();
		Optional<FollowUpDraft> draft = ticket.update(changes, this::ownerName, this::queueName, actorId(actor), now);
		if (draft.isEmpty()) {
			return Optional.empty();
		}
		tickets.update(ticket);
		long followUpId = tickets.insertFollowUp(ticketId, draft.get());
		for (Upload upload : uploads) {
			tickets.insertAttachment(followUpId, files.store(upload));
		}
		events.publishEvent(new TicketUpdated(ticketId, followUpId, actorId(actor), draft.get().isPublic(),
				!java.util.Objects.equals(previousOwner, ticket.ownerId()), draft.get().newStatus(),
				draft.get().comment() != null));
		return Optional.of(followUpId);
	}

	private String ownerName(long accountId) {
		return accounts.find(accountId).map(Account::displayName).orElse("#" + accountId);
	}

	private String queueName(long queueId) {
		return queues.find(queueId).map(Queue::title).orElse("#" + queueId);
	}

	private static Long actorId(Account actor) {
		return actor == null ? null : actor.id();
	}
}
