package org.helpdesk.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.helpdesk.core.Actor;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
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

	private final Tickets tickets;

	private final TicketAccess access;

	private final Clock clock;

	TicketEdits(Tickets tickets, TicketAccess access, Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.clock = clock;
	}

	/** Applies the edit; returns false when nothing differed (and nothing was written). */
	public boolean edit(long ticketId, EditTicket edit, Actor actor) {
		List<FieldProblem> problems = new ArrayList<>();
		TicketRules.title(edit.title(), problems);
		TicketRules.text("description", edit.description(), problems);
		TicketRules.email("submitter_email", edit.submitterEmail(), problems);
		TicketRules.priority(edit.priority(), problems);
		Ticket ticket = access.lockVisible(ticketId, actor);
		ticket.checkSeen(java.util.OptionalInt.of(edit.seenVersion()));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Optional<FollowUpDraft> draft = ticket.edit(edit, TicketAccess.authorOf(actor), clock.instant());
		if (draft.isEmpty()) {
			return false;
		}
		tickets.save(ticket, draft.get());
		return true;
	}

	/** Stops mailing an address about this ticket; an address that is not on the list is ignored. */
	public void removeCc(long ticketId, String email, Actor actor) {
		access.lockVisible(ticketId, actor);
		if (email == null || email.isBlank()) {
			throw new InvalidInput("email", "is required");
		}
		tickets.deleteCc(ticketId, email.trim(), TicketAccess.authorOf(actor));
	}
}
