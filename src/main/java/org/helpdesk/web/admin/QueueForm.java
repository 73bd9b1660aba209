package org.helpdesk.web.admin;

import java.util.ArrayList;
import java.util.List;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Mailbox;
import org.helpdesk.queue.MailboxDraft;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueDraft;

/**
 * The queue form as typed. Numbers arrive as text so that "abc" comes back as a problem on the form rather than a
 * binding error; an unticked checkbox is simply absent.
 */
record QueueForm(String title, String slug, String emailAddress, String newTicketCc, String updatedTicketCc,
		String escalateDays, Boolean allowPublicSubmission, Boolean allowEmailSubmission, String defaultOwner,
		String locale, String emailBoxType, String emailBoxHost, String emailBoxPort, Boolean emailBoxSsl,
		String emailBoxUser, String emailBoxPass, String emailBoxImapFolder, String emailBoxLocalDir,
		String emailBoxInterval) {

	static final String NOT_A_NUMBER = "must be a whole number";

	static QueueForm empty() {
		return new QueueForm("", "", "", "", "", "", false, false, "", "", "", "", "", false, "", "",
				Mailbox.DEFAULT_FOLDER, "", Integer.toString(Mailbox.DEFAULT_INTERVAL));
	}

	static QueueForm of(Queue q) {
		// null and 0 both mean "never escalate"; the form shows either as an empty field
		String days = q.escalateDays() == null || q.escalateDays() == 0 ? "" : q.escalateDays().toString();
		return new QueueForm(q.title(), q.slug(), text(q.emailAddress()), text(q.newTicketCc()),
				text(q.updatedTicketCc()), days, q.allowPublicSubmission(), q.allowEmailSubmission(),
				q.defaultOwnerId() == null ? "" : q.defaultOwnerId().toString(), text(q.locale()),
				text(q.mailbox().type().wireName()), text(q.mailbox().host()),
				q.mailbox().port() == null ? "" : q.mailbox().port().toString(), q.mailbox().ssl(),
				text(q.mailbox().user()), "", q.mailbox().imapFolder(), text(q.mailbox().localDir()),
				Integer.toString(q.mailbox().intervalSeconds()));
	}

	/**
	 * The draft for the facade. On an update an empty number must still mean "no escalation", and the facade reads
	 * null as "unchanged", so an empty field becomes 0 there.
	 */
	QueueDraft draft(boolean update) {
		List<FieldProblem> problems = new ArrayList<>();
		Long days = number("escalate_days", escalateDays, problems);
		Long owner = number("default_owner", defaultOwner, problems);
		Long port = number("email_box_port", emailBoxPort, problems);
		Long interval = number("email_box_interval", emailBoxInterval, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new QueueDraft(text(title), text(slug).trim(), text(emailAddress), text(newTicketCc),
				text(updatedTicketCc), days(days, update),
				Boolean.TRUE.equals(allowPublicSubmission), Boolean.TRUE.equals(allowEmailSubmission),
				owner == null && update ? Long.valueOf(0) : owner, text(locale), mailbox(port, interval, update));
	}

	/** The password field is always shown empty; left empty it keeps the stored password. */
	private MailboxDraft mailbox(Long port, Long interval, boolean update) {
		// an empty port goes back to the usual one on an update (0), and stays unset on a new queue (null)
		Integer portNumber = port != null ? Integer.valueOf(clamp(port)) : update ? Integer.valueOf(0) : null;
		return new MailboxDraft(text(emailBoxType), text(emailBoxHost), portNumber,
				Boolean.TRUE.equals(emailBoxSsl), text(emailBoxUser), emailBoxPass, text(emailBoxImapFolder),
				text(emailBoxLocalDir), interval == null ? null : Integer.valueOf(clamp(interval)));
	}

	private static int clamp(long value) {
		// out of int range is out of the facade's range as well; let the facade word that problem
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
	}

	private static Integer days(Long days, boolean update) {
		if (days == null) {
			return update ? 0 : null;
		}
		return clamp(days);
	}

	private static Long number(String field, String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(Input.withoutSurroundingSpace(value));
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, NOT_A_NUMBER));
			return null;
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
