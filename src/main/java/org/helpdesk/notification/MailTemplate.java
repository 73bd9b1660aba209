package org.helpdesk.notification;

import java.util.Locale;

/**
 * The mails this helpdesk sends. Submitter mails link to the public view of the ticket; staff mails link to the
 * staff page, which the public must never be sent to.
 */
enum MailTemplate {

	NEWTICKET_SUBMITTER("Opened", false), NEWTICKET_CC("Opened", true), ASSIGNED_OWNER("Assigned To You", true),
	UPDATED_SUBMITTER("Updated", false), UPDATED_CC("Updated", true), UPDATED_OWNER("Updated", true),
	RESOLVED_SUBMITTER("Resolved", false), RESOLVED_CC("Resolved", true), RESOLVED_OWNER("Resolved", true),
	ASSIGNED_CC("Assigned", true), CLOSED_SUBMITTER("Closed", false), CLOSED_CC("Closed", true),
	CLOSED_OWNER("Closed", true), MERGED("Merged", false);

	private final String subjectSuffix;

	private final boolean staff;

	MailTemplate(String subjectSuffix, boolean staff) {
		this.subjectSuffix = subjectSuffix;
		this.staff = staff;
	}

	/** The template for a role ({@code submitter}, {@code owner}, {@code cc}) of a kind of news ({@code updated}...). */
	static MailTemplate of(String kind, String role) {
		return valueOf((kind + "_" + role).toUpperCase(Locale.ROOT));
	}

	/** The file name of its templates, without extension; also what {@code mail_outbox.template} records. */
	String fileName() {
		return name().toLowerCase(Locale.ROOT);
	}

	String subjectSuffix() {
		return subjectSuffix;
	}

	boolean isForStaff() {
		return staff;
	}
}
