package org.helpdesk.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.SystemActor;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.CustomerEvents.CustomerReplied;
import org.helpdesk.ticket.CustomerEvents.ResolutionAccepted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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

	/** The queues that accept tickets from anyone, ordered by title (another node's change shows within 5 s). */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<Queue> publicQueues() {
		return queues.publicQueues();
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
		OpenTicket request = OpenTicket.of(queueId, s.title(), s.description()).from(s.email().trim())
			.withPriority(s.priority() == null ? 3 : s.priority()).attaching(uploads);
		OpenTicket assigned = Optional.ofNullable(queue.get().defaultOwnerId()).flatMap(accounts::find)
			.filter(a -> a.canAccessQueue(queueId)).map(a -> request.assignedTo(a.id())).orElse(request);
		long id = management.open(assigned, SystemActor.INSTANCE);
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
		FollowUpDraft draft = ticket.customerReply(comment, clock.instant());
		long followUpId = record(ticket, draft);
		for (Upload upload : uploads) {
			tickets.insertAttachment(followUpId, files.store(upload));
		}
		events.publishEvent(new CustomerReplied(ticketId, followUpId, draft.newStatus() == TicketStatus.REOPENED));
		return followUpId;
	}

	/** Closes a resolved ticket on the submitter's word, keeping its resolution. */
	public void accept(CustomerAccess access) {
		long ticketId = keys.permitted(access).orElseThrow(() -> new TicketNotFound(0)).id();
		Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
		if (ticket.status() == TicketStatus.RESOLVED && tickets.hasActiveDependencies(ticketId)) {
			throw new OpenDependencies();
		}
		long followUpId = record(ticket, ticket.acceptResolution(clock.instant()));
		events.publishEvent(new ResolutionAccepted(ticketId, followUpId));
	}

	private long record(Ticket ticket, FollowUpDraft draft) {
		return tickets.save(ticket, draft);
	}
}
