package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.helpdesk.account.Account;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correcting what a ticket says: title, description, submitter, priority, due date; and removing CCs. Unlike the
 * original (which edited silently), every edit leaves a private follow-up with the changed fields, and an edit
 * based on an outdated version is refused like a stale reply.
 */
@Service
@Transactional
public class TicketEdits {

	/** The complete new values; {@code dueDate} null removes it, {@code expectedVersion} null skips the check. */
	public record Edit(String title, String description, String submitterEmail, int priority, Instant dueDate,
			Integer expectedVersion) {
	}

	private final Tickets tickets;

	private final JdbcClient jdbc;

	private final Clock clock;

	TicketEdits(Tickets tickets, JdbcClient jdbc, Clock clock) {
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Applies the edit; returns false when nothing differed (and nothing was written). */
	public boolean edit(long ticketId, Edit edit, Account actor) {
		List<FieldProblem> problems = new ArrayList<>();
		TicketRules.title(edit.title(), problems);
		TicketRules.text("description", edit.description(), problems);
		TicketRules.email("submitter_email", edit.submitterEmail(), problems);
		TicketRules.priority(edit.priority(), problems);
		Ticket ticket = lockVisible(ticketId, actor);
		if (edit.expectedVersion() != null && edit.expectedVersion() != ticket.version()) {
			throw new TicketChangedConcurrently();
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String title = edit.title().trim();
		String description = blankToNull(edit.description());
		String submitter = blankToNull(edit.submitterEmail() == null ? null : edit.submitterEmail().trim());
		List<FieldChange> changes = new ArrayList<>();
		change(changes, "Title", ticket.title(), title);
		change(changes, "Description", ticket.description(), description);
		change(changes, "Submitter E-Mail", ticket.submitterEmail(), submitter);
		change(changes, "Priority", String.valueOf(ticket.priority()), String.valueOf(edit.priority()));
		change(changes, "Due on", text(ticket.dueDate()), text(edit.dueDate()));
		if (changes.isEmpty()) {
			return false;
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update ticket set title = ?, description = ?, submitter_email = ?, priority = ?, due_date = ?,
				  modified = ?, version = version + 1
				where id = ?""")
			.params(title, description, submitter, edit.priority(), Timestamps.toDb(edit.dueDate()),
					Timestamps.toDb(now), ticketId)
			.update();
		tickets.edited(ticketId, title, description);
		tickets.insertFollowUp(ticketId, new FollowUpDraft("Edited", null, false, actor == null ? null : actor.id(),
				null, now, changes));
		return true;
	}

	/** Stops mailing an address about this ticket; an address that is not on the list is ignored. */
	public void removeCc(long ticketId, String email, Account actor) {
		lockVisible(ticketId, actor);
		if (email == null || email.isBlank()) {
			throw new InvalidInput("email", "is required");
		}
		jdbc.sql("""
				delete from ticket_cc where ticket_id = ? and (lower(email) = lower(?)
				  or account_id in (select id from account where lower(email) = lower(?)))""")
			.params(ticketId, email.trim(), email.trim())
			.update();
	}

	private Ticket lockVisible(long ticketId, Account actor) {
		return tickets.lock(ticketId).filter(t -> TicketManagement.mayUse(actor, t.queueId()))
			.orElseThrow(() -> new TicketNotFound(ticketId));
	}

	private static void change(List<FieldChange> changes, String field, String before, String after) {
		if (!Objects.equals(before, after)) {
			changes.add(new FieldChange(field, before, after));
		}
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
