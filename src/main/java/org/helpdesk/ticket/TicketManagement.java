package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.Actor;
import org.helpdesk.core.AuditTrail;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.customfield.CustomFieldManagement;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.TicketEvents.CommentAdded;
import org.helpdesk.ticket.TicketEvents.EscalationNoticed;
import org.helpdesk.ticket.TicketEvents.HoldChanged;
import org.helpdesk.ticket.TicketEvents.TicketDeleted;
import org.helpdesk.ticket.TicketEvents.TicketEscalated;
import org.helpdesk.ticket.TicketEvents.TicketOpened;
import org.helpdesk.ticket.TicketEvents.TicketResolved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way every channel changes tickets. Each method checks the caller's access and its input before it writes,
 * records history, and publishes an event in the same transaction, so the mails it causes commit with it.
 * The actor is always named: a person, or {@link org.helpdesk.core.SystemActor} for the system's own work; never null.
 */
@Service
@Transactional
public class TicketManagement {

	private final Tickets tickets;

	private final TicketAccess access;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final AttachmentStore files;

	private final CustomFieldManagement customFields;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	TicketManagement(Tickets tickets, TicketAccess access, QueueManagement queues, AccountManagement accounts,
			AttachmentStore files, CustomFieldManagement customFields, ApplicationEventPublisher events, AuditTrail audit,
			Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.queues = queues;
		this.accounts = accounts;
		this.files = files;
		this.customFields = customFields;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** Opens a ticket and returns its id. */
	public long open(OpenTicket request, Actor actor) {
		return open(request, actor, List.of());
	}

	/**
	 * Opens a ticket; {@code channelProblems} are what the channel already found wrong while parsing (a malformed
	 * number, say), so that one answer lists every problem: those first, then the facade's for the other fields.
	 */
	public long open(OpenTicket request, Actor actor, List<FieldProblem> channelProblems) {
		TicketAccess.requireActor(actor);
		List<FieldProblem> problems = new ArrayList<>();
		Optional<Queue> queue = queues.find(request.queueId()).filter(q -> actor.mayUseQueue(q.id()));
		if (queue.isEmpty()) {
			problems.add(new FieldProblem("queue", "no such queue"));
		}
		TicketRules.title(request.title(), problems);
		TicketRules.text("body", request.description(), problems);
		TicketRules.email("submitter_email", request.submitterEmail(), problems);
		TicketRules.priority(request.priority(), problems);
		Optional<Account> owner = Optional.empty();
		if (request.ownerId() != null) {
			owner = accounts.find(request.ownerId()).filter(o -> queue.isPresent() && o.canAccessQueue(queue.get().id()));
			if (owner.isEmpty()) {
				problems.add(new FieldProblem("assigned_to", "must be the id of an active agent with access to the queue"));
			}
		}
		Map<Long, String> customValues = customFields.check(
				request.customValues() == null ? Map.of() : request.customValues(), problems);
		if (!problems.isEmpty() || !channelProblems.isEmpty()) {
			List<FieldProblem> all = new ArrayList<>(channelProblems);
			problems.stream().filter(p -> all.stream().noneMatch(c -> c.field().equals(p.field()))).forEach(all::add);
			throw new InvalidInput(all);
		}
		List<Upload> uploads = request.attachments() == null ? List.of() : request.attachments();
		files.validate("attachment", uploads);

		Instant now = clock.instant();
		String submitter = request.submitterEmail() == null || request.submitterEmail().isBlank() ? null
				: request.submitterEmail().trim();
		Ticket ticket = Ticket.open(queue.get().id(), request.title().trim(), request.description(), submitter,
				request.ownerId(), request.priority() == null ? 3 : request.priority(), request.dueDate(), now);
		long id = tickets.insert(ticket);
		customFields.store(id, customValues);
		FollowUpDraft opening = ticket.openingFollowUp(actorId(actor), owner.map(Account::displayName).orElse(null), now);
		long followUpId = tickets.insertOpeningFollowUp(id, ticket, opening);
		for (Upload upload : uploads) {
			tickets.insertAttachment(followUpId, files.store(upload));
		}
		events.publishEvent(new TicketOpened(id, followUpId, actorId(actor), ticket.queueId(), ticket.submitterEmail(),
				ticket.ownerId()));
		return id;
	}

	public void hold(long ticketId, Actor actor) {
		changeHold(ticketId, actor, true, OptionalInt.empty());
	}

	public void unhold(long ticketId, Actor actor) {
		changeHold(ticketId, actor, false, OptionalInt.empty());
	}

	/** Holds or releases the ticket, unless it was saved since {@code seenVersion}. */
	public void changeHold(long ticketId, Actor actor, boolean held, OptionalInt seenVersion) {
		Ticket ticket = access.lockVisible(ticketId, actor);
		ticket.checkSeen(seenVersion);
		Instant now = clock.instant();
		Optional<FollowUpDraft> followUp = held ? ticket.hold(actorId(actor), now) : ticket.unhold(actorId(actor), now);
		if (followUp.isPresent()) {
			long followUpId = tickets.save(ticket, followUp.get());
			events.publishEvent(new HoldChanged(ticketId, followUpId, actorId(actor), held));
		}
	}

	public long comment(long ticketId, String message, boolean isPublic, Actor actor) {
		TicketRules.required("message", message, "Blank message");
		Ticket ticket = access.lockVisible(ticketId, actor);
		FollowUpDraft followUp = ticket.comment(message, isPublic, actorId(actor), clock.instant());
		long followUpId = tickets.save(ticket, followUp);
		events.publishEvent(new CommentAdded(ticketId, followUpId, actorId(actor), isPublic));
		return followUpId;
	}

	public void resolve(long ticketId, String resolution, Actor actor) {
		TicketRules.required("resolution", resolution, "Blank resolution");
		Ticket ticket = access.lockVisible(ticketId, actor);
		if (tickets.hasActiveDependencies(ticketId)) {
			throw new OpenDependencies();
		}
		FollowUpDraft followUp = ticket.resolve(resolution, actorId(actor), clock.instant());
		long followUpId = tickets.save(ticket, followUp);
		events.publishEvent(new TicketResolved(ticketId, followUpId, actorId(actor)));
	}

	/** Deletes the ticket with its follow-ups, history, CCs and attachment files; the audit log keeps a record. */
	public void delete(long ticketId, Actor actor) {
		delete(ticketId, actor, OptionalInt.empty());
	}

	/**
	 * Locks the ticket for the rest of the transaction and refuses ({@link TicketChangedConcurrently}) when it was
	 * saved since {@code seenVersion} (if given): for a client that changes a ticket in several steps on top of what
	 * it saw.
	 */
	public void lockForChange(long ticketId, Actor actor, OptionalInt seenVersion) {
		access.lockVisible(ticketId, actor).checkSeen(seenVersion);
	}

	/** {@link #delete(long, Actor)}, unless the ticket was saved since {@code seenVersion}. */
	public void delete(long ticketId, Actor actor, OptionalInt seenVersion) {
		access.lockVisible(ticketId, actor).checkSeen(seenVersion);
		TicketDetails details = tickets.details(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
		List<String> keys = tickets.attachmentKeys(ticketId);
		tickets.delete(ticketId, actorId(actor));
		files.deleteAfterCommit(keys);
		audit.record(actorId(actor), actor.auditName(), "ticket.deleted", details.ref(), details.title());
		events.publishEvent(new TicketDeleted(ticketId, details.ref(), details.title(), actorId(actor)));
	}

	/** Adds an e-mail address to the people who hear about public updates; an address already there is ignored. */
	public void addCc(long ticketId, String email, Actor actor) {
		access.lockVisible(ticketId, actor);
		List<FieldProblem> problems = new ArrayList<>();
		TicketRules.email("email", email, problems);
		if (email == null || email.isBlank()) {
			problems.add(new FieldProblem("email", "is required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (!tickets.hasCc(ticketId, email.trim())) {
			tickets.insertCc(ticketId, email.trim(), actorId(actor));
		}
	}

	/**
	 * Makes the ticket one step more urgent when it is still due (see {@link Ticket#escalate}), with a public
	 * follow-up recording the priority change; answers whether it did. The check runs on the locked row, so two runs
	 * at the same moment (two nodes) escalate a ticket once.
	 */
	public boolean escalate(long ticketId, EscalationDue due, Actor actor) {
		Ticket ticket = access.lockVisible(ticketId, actor);
		int before = ticket.state().priority();
		Optional<FollowUpDraft> followUp = ticket.escalate(due, clock.instant());
		if (followUp.isEmpty()) {
			return false;
		}
		long followUpId = tickets.save(ticket, followUp.get());
		tickets.saveEscalation(ticket);
		events.publishEvent(new TicketEscalated(ticketId, followUpId, before, ticket.state().priority()));
		return true;
	}

	/**
	 * Notify-only escalation: tells people that a due ticket waits and changes nothing else about it (no priority,
	 * history or version); it only notes when, so the next run does not tell them again within the period.
	 */
	public boolean noticeEscalation(long ticketId, EscalationDue due, Actor actor) {
		Ticket ticket = access.lockVisible(ticketId, actor);
		if (!ticket.noticeEscalation(due, clock.instant())) {
			return false;
		}
		tickets.saveEscalation(ticket);
		events.publishEvent(new EscalationNoticed(ticketId));
		return true;
	}

	private static Long actorId(Actor actor) {
		return TicketAccess.authorOf(actor);
	}
}
