package org.helpdesk.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;

/**
 * What makes a queue acceptable.
 */
final class QueueRules {

	/** The longest slug the queue table holds. */
	static final int MAX_SLUG = 50;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");

	private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?");

	private QueueRules() {
	}

	static List<FieldProblem> check(Queue q) {
		List<FieldProblem> problems = new ArrayList<>();
		if (Input.isBlank(q.title())) {
			problems.add(new FieldProblem("title", "is required"));
		}
		else {
			add(problems, Input.checkText("title", q.title(), 100, false));
		}
		if (Input.isBlank(q.slug())) {
			problems.add(new FieldProblem("slug", "is required"));
		}
		else if (q.slug().length() > MAX_SLUG || !SLUG.matcher(q.slug()).matches()) {
			problems.add(new FieldProblem("slug",
					"must be at most " + MAX_SLUG + " lower-case letters and digits, separated by single - or _"));
		}
		if (q.emailAddress() != null && !Input.isEmailAddress(q.emailAddress())) {
			problems.add(new FieldProblem("email_address", "is not a valid e-mail address"));
		}
		addressList("new_ticket_cc", q.newTicketCc(), problems);
		addressList("updated_ticket_cc", q.updatedTicketCc(), problems);
		if (q.escalateDays() != null && (q.escalateDays() < 0 || q.escalateDays() > 3650)) {
			problems.add(new FieldProblem("escalate_days", "must be between 0 and 3650"));
		}
		if (q.locale() != null && !LOCALE.matcher(q.locale()).matches()) {
			problems.add(new FieldProblem("locale", "must be a language tag such as en or de-CH"));
		}
		problems.addAll(MailboxRules.check(q.mailbox()));
		return problems;
	}

	private static void addressList(String field, String value, List<FieldProblem> problems) {
		if (value == null) {
			return;
		}
		if (value.length() > 500) {
			problems.add(new FieldProblem(field, "must be at most 500 characters"));
			return;
		}
		for (String address : value.split(",")) {
			if (!address.isBlank() && !Input.isEmailAddress(address.trim())) {
				problems.add(new FieldProblem(field, "'" + address.trim() + "' is not a valid e-mail address"));
				return;
			}
		}
	}

	private static void add(List<FieldProblem> problems, FieldProblem problem) {
		if (problem != null) {
			problems.add(problem);
		}
	}
}
