package org.helpdesk.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.CustomerEvents.CustomerReplied;
import org.helpdesk.ticket.CustomerEvents.ResolutionAccepted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers may do without staff rights: submit to public queues, and, holding a ticket's reference, their
 * e-mail address and its secret key, reply and accept its resolution (the portal reads the ticket through
 * {@link TicketReader#presentedBy}). Every method that takes a {@link CustomerAccess} checks all three itself; a
 * wrong key answers exactly like a missing ticket.
 */
@Service
@Transactional
public class CustomerTickets {

	static final String REPLY_TITLE = "Comment from submitter";

	static final String ACCEPT_TITLE = "Submitter accepted resolution and closed ticket";

	private final Tickets tickets;

	private final CustomerKeys keys;

	private final TicketManagement management;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final AttachmentStore files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CustomerTickets(Tickets tickets, CustomerKeys keys, TicketManagement management, QueueManagement queues,
			AccountManagement accounts, AttachmentStore files, ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.keys = keys;
		this.management = management;
		this.queues = queues;
		this.accounts = accounts;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/** The queues that accept tickets from anyone, ordered by title. */
	@Transactional(readOnly = true)
	public List<Queue> publicQueues() {
		return queues.list().stream().filter(Queue::allowPublicSubmission).toList();
	}

	/**
	 * Opens a ticket in a public queue, assigned to the queue's default owner (when that person may still work the
	 * queue), and returns what the submitter needs to come back to it.
	 */
	public CustomerAccess submit(CustomerSubmission s) {
		List<FieldProblem> problems = new ArrayList<>();
		Optional<Queue> queue = Optional.ofNullable(s.queueId()).flatMap(queues::find)
			.filter(Queue::allowPublicSubmission);
		if (queue.isEmpty()) {
			problems.add(new FieldProblem("queue", "must be one of the queues offered"));
		}
		if (s.email() == null || s.email().isBlank()) {
			problems.add(new FieldProblem("email", "is required"));
		}
		TicketRules.email("email", s.email(), problems);
		TicketRules.title(s.title(), problems);
		if (s.description() == null || s.description().isBlank()) {
			problems.add(new FieldProblem("description", "is required"));
		}
		TicketRules.text("description", s.description(), problems);
		TicketRules.priority(s.priority(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		List<Upload> uploads = s.attachments() == null ? List.of() : s.attachments();
		files.validate("attachments", uploads);
		long queueId = queue.get().id();
		Long owner = Optional.ofNullable(queue.get().defaultOwnerId()).flatMap(accounts::find)
			.filter(a -> a.canAccessQueue(queueId)).map(Account::id).orElse(null);
		long id = management.open(new OpenTicket(queueId, s.title(), s.description(), s.email().trim(), owner,
				s.priority() == null ? 3 : s.priority(), null, uploads, Map.of()), null);
		TicketDetails details = tickets.details(id).orElseThrow(() -> new TicketNotFound(id));
		return new CustomerAccess(details.ref(), details.submitterEmail(), details.secretKey());
	}

	/**
	 * Adds the submitter's comment as a public follow-up by no account. A reply to a closed ticket reopens it, as a
	 * mailed reply does. A reply to a resolved ticket leaves it resolved: the page offers "accept" for agreeing and
	 * the reply itself reaches the owner, who decides whether the answer was insufficient; reopening on every
	 * "thank you" would send solved tickets back into the queue.
	 */
	public long reply(CustomerAccess access, String comment, List<Upload> attachments) {
		TicketRules.required("comment", comment, "is required");
		long ticketId = keys.permitted(access).orElseThrow(() -> new TicketNotFound(0)).id();
		List<Upload> uploads = attachments == null ? List.of() : attachments;
		files.validate("attachments", uploads);
		Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
		boolean reopen = ticket.status() == TicketStatus.CLOSED;
		var changes = new Ticket.Changes(comment, true, reopen ? TicketStatus.REOPENED : null, false, null, null, null,
				false, null, !uploads.isEmpty(), null);
		FollowUpDraft draft = ticket.update(changes, CustomerTickets::unused, CustomerTickets::unused, null,
				clock.instant()).orElseThrow();
		long followUpId = record(ticket, retitled(draft, reopen ? REPLY_TITLE + " and Reopened" : REPLY_TITLE));
		for (Upload upload : uploads) {
			tickets.insertAttachment(followUpId, files.store(upload));
		}
		events.publishEvent(new CustomerReplied(ticketId, followUpId, reopen));
		return followUpId;
	}

	/** Closes a resolved ticket on the submitter's word, keeping its resolution. */
	public void accept(CustomerAccess access) {
		long ticketId = keys.permitted(access).orElseThrow(() -> new TicketNotFound(0)).id();
		Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
		if (ticket.status() != TicketStatus.RESOLVED) {
			throw new NoResolutionToAccept();
		}
		if (tickets.hasActiveDependencies(ticketId)) {
			throw new OpenDependencies();
		}
		var changes = new Ticket.Changes(null, true, TicketStatus.CLOSED, false, null, null, null, false, null, false,
				null);
		FollowUpDraft draft = ticket.update(changes, CustomerTickets::unused, CustomerTickets::unused, null,
				clock.instant()).orElseThrow();
		long followUpId = record(ticket, retitled(draft, ACCEPT_TITLE));
		events.publishEvent(new ResolutionAccepted(ticketId, followUpId));
	}

	private long record(Ticket ticket, FollowUpDraft draft) {
		tickets.update(ticket);
		return tickets.insertFollowUp(ticket.id(), draft);
	}

	private static FollowUpDraft retitled(FollowUpDraft d, String title) {
		return new FollowUpDraft(title, d.comment(), d.isPublic(), d.userId(), d.newStatus(), d.date(), d.changes(),
				d.timeSpent());
	}

	// a customer's change never touches owner or queue, so their names are never asked for
	private static String unused(long id) {
		return "#" + id;
	}
}
