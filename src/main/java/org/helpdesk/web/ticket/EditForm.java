package org.helpdesk.web.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.EditTicket;

/**
 * The edit form as typed: the complete new title, description, submitter, priority and due date.
 */
public record EditForm(String title, String description, String submitterEmail, String priority, String due,
		String version) {

	static EditForm of(TicketDetails ticket, int version, String dueInput) {
		return new EditForm(ticket.title(), ticket.description(), ticket.submitterEmail(),
				String.valueOf(ticket.priority()), dueInput, String.valueOf(version));
	}

	EditForm withVersion(int current) {
		return new EditForm(title, description, submitterEmail, priority, due, String.valueOf(current));
	}

	/** The edit; an unchanged due-date field keeps the stored instant (inputs only show minutes). */
	EditTicket toEdit(TicketDetails current, String currentDueInput, ZoneId zone) {
		List<FieldProblem> problems = new ArrayList<>();
		Integer newPriority = TicketForms.number("priority", priority, problems);
		boolean dueUnchanged = String.valueOf(due == null ? "" : due.trim()).equals(currentDueInput);
		Instant dueDate = dueUnchanged ? current.dueDate() : TicketForms.dateTime("due_date", due, zone, problems);
		Integer expected = TicketForms.number("version", version, problems);
		if (expected == null && problems.stream().noneMatch(p -> p.field().equals("version"))) {
			problems.add(new FieldProblem("version", "is required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new EditTicket(title, description, submitterEmail,
				newPriority == null ? current.priority() : newPriority, dueDate, expected);
	}
}
