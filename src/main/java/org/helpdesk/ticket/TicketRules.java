package org.helpdesk.ticket;

import java.util.List;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;

/**
 * Checks on the text people put into tickets.
 */
final class TicketRules {

	static final int MAX_TEXT = 100_000;

	private TicketRules() {
	}

	static void title(String title, List<FieldProblem> problems) {
		if (Input.isBlank(title)) {
			problems.add(new FieldProblem("title", "is required"));
			return;
		}
		FieldProblem problem = Input.checkText("title", title.trim(), Ticket.MAX_TITLE, false);
		if (problem != null) {
			problems.add(problem);
		}
	}

	static void text(String field, String value, List<FieldProblem> problems) {
		FieldProblem problem = Input.checkText(field, value, MAX_TEXT, true);
		if (problem != null) {
			problems.add(problem);
		}
	}

	static void email(String field, String value, List<FieldProblem> problems) {
		if (value != null && !value.isBlank() && !Input.isEmailAddress(Input.withoutSurroundingSpace(value))) {
			problems.add(new FieldProblem(field, "is not a valid e-mail address"));
		}
	}

	static void priority(Integer priority, List<FieldProblem> problems) {
		if (priority != null && (priority < 1 || priority > 5)) {
			problems.add(new FieldProblem("priority", "must be an integer from 1 (critical) to 5 (very low)"));
		}
	}

	/** Non-blank text, or a 400 carrying the given reason. */
	static String required(String field, String value, String reason) {
		if (Input.isBlank(value)) {
			throw new InvalidInput(field, reason);
		}
		FieldProblem problem = Input.checkText(field, value, MAX_TEXT, true);
		if (problem != null) {
			throw new InvalidInput(List.of(problem));
		}
		return value;
	}
}
