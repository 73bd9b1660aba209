package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.SystemActor;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.MailEvents.MailNoteRecorded;
import org.helpdesk.ticket.MailEvents.MailReplyReceived;
import org.helpdesk.ticket.MailEvents.TicketOpenedByMail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How inbound mail changes tickets, always as {@link SystemActor}: a mail opens a ticket, replies to one (reopening
 * it when it was finished), or is recorded as a private note. Rules and history go through the aggregate, as for
 * every other channel; the events say the change came by mail, with the mail's Message-ID.
 */
@Service
@Transactional
public class MailTickets {

	private final Tickets tickets;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final MailAttachments attachments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MailTickets(Tickets tickets, QueueManagement queues, AccountManagement accounts, MailAttachments attachments,
			ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.queues = queues;
		this.accounts = accounts;
		this.attachments = attachments;
		this.events = events;
		this.clock = clock;
	}

	/** The ticket a follow-up made by the mail with this Message-ID now lives on, following merges. */
	@Transactional(readOnly = true)
	public Optional<TicketDetails> byMessageId(String messageId) {
		return tickets.ticketOfMessageId(messageId).flatMap(this::current);
	}

	/** The ticket, or the ticket it was merged into (and so on), if it still exists. */
	@Transactional(readOnly = true)
	public Optional<TicketDetails> current(long ticketId) {
		long id = ticketId;
		Set<Long> seen = new LinkedHashSet<>();
		for (Optional<Long> next = tickets.mergedTo(id); next.isPresent() && seen.add(id); next = tickets.mergedTo(id)) {
			id = next.get();
		}
		return tickets.details(id);
	}

	/**
	 * Opens a ticket in the queue from the sender's mail: the sender is the submitter, the subject the title ("Comment
	 * from e-mail" when there is none), and {@code ccs} (valid addresses other than the sender's) become CCs.
	 */
	public MailChange openByMail(long queueId, TicketMail mail, List<String> ccs) {
		queues.get(queueId);
		List<FieldProblem> problems = new ArrayList<>();
		String title = mail.subject() == null || mail.subject().isBlank() ? "Comment from e-mail" : mail.subject().trim();
		TicketRules.title(title, problems);
		TicketRules.text("body", mail.comment(), problems);
		TicketRules.email("submitter_email", mail.sender(), problems);
		TicketRules.priority(mail.priority(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		Ticket ticket = Ticket.open(queueId, title, mail.comment(), blankToNull(mail.sender()), null,
				mail.priority() == null ? 3 : mail.priority(), null, now);
		long id = tickets.insert(ticket);
		MailAttachments.Checked kept = attachments.check(mail);
		FollowUpDraft opening = withChanges(ticket.openingFollowUp(null, null, now), kept.skipped());
		long followUpId = tickets.insertMailOpening(id, ticket, opening, mail.messageId());
		attachments.store(followUpId, kept.valid());
		for (String cc : ccs) {
			if (!cc.equalsIgnoreCase(String.valueOf(mail.sender())) && !tickets.hasCc(id, cc)) {
				tickets.insertCc(id, cc, null);
			}
		}
		events.publishEvent(new TicketOpenedByMail(id, followUpId, queueId, ticket.submitterEmail(), mail.messageId()));
		return new MailChange(id, followUpId, kept.skippedNotes());
	}

	/**
	 * Adds the sender's mail to the ticket as a public follow-up, reopening a resolved or closed ticket; the sender
	 * becomes a CC when they are not yet involved (not the submitter, the owner or a CC).
	 */
	public MailChange replyByMail(long ticketId, TicketMail mail) {
		List<FieldProblem> problems = new ArrayList<>();
		TicketRules.text("comment", mail.comment(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
		MailAttachments.Checked kept = attachments.check(mail);
		FollowUpDraft draft = withChanges(ticket.mailReply(mail.comment(), mail.sender(), clock.instant()),
				kept.skipped());
		long followUpId = tickets.saveFromMail(ticket, draft, mail.messageId());
		attachments.store(followUpId, kept.valid());
		if (isNewPerson(ticket, mail.sender())) {
			tickets.insertCc(ticketId, mail.sender().trim(), null);
		}
		events.publishEvent(new MailReplyReceived(ticketId, followUpId, mail.sender(), mail.messageId(),
				draft.newStatus() == TicketStatus.REOPENED));
		return new MailChange(ticketId, followUpId, kept.skippedNotes());
	}

	/** Records an automatic answer or a bounce on the ticket for staff only; nobody is mailed, nothing else changes. */
	public MailChange noteByMail(long ticketId, String messageId, String title, String text) {
		Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
		FollowUpDraft draft = ticket.mailNote(title, text, clock.instant());
		long followUpId = tickets.saveFromMail(ticket, draft, messageId);
		events.publishEvent(new MailNoteRecorded(ticketId, followUpId, messageId));
		return new MailChange(ticketId, followUpId, List.of());
	}

	private boolean isNewPerson(Ticket ticket, String sender) {
		if (sender == null || sender.isBlank() || !org.helpdesk.core.Input.isEmailAddress(sender.trim())) {
			return false;
		}
		String address = sender.trim().toLowerCase(Locale.ROOT);
		if (address.equalsIgnoreCase(String.valueOf(ticket.submitterEmail()))) {
			return false;
		}
		Optional<String> owner = Optional.ofNullable(ticket.ownerId()).flatMap(accounts::find).map(Account::email);
		if (owner.filter(address::equalsIgnoreCase).isPresent()) {
			return false;
		}
		return tickets.ccEmails(ticket.id()).stream().noneMatch(address::equalsIgnoreCase);
	}

	private static FollowUpDraft withChanges(FollowUpDraft draft, List<FieldChange> more) {
		if (more.isEmpty()) {
			return draft;
		}
		List<FieldChange> all = new ArrayList<>(draft.changes());
		all.addAll(more);
		return new FollowUpDraft(draft.title(), draft.comment(), draft.isPublic(), draft.userId(), draft.newStatus(),
				draft.date(), all, draft.timeSpent());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
