package org.helpdesk.notification;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The mails this helpdesk sends. Submitter mails link to the public view of the ticket; staff mails link to the
 * staff page, which the public must never be sent to. Each template names the texts it shows, so that the outbox
 * keeps only those.
 */
enum MailTemplate {

	NEWTICKET_SUBMITTER("Opened", false, Text.DESCRIPTION), NEWTICKET_CC("Opened", true, Text.DESCRIPTION),
	ASSIGNED_OWNER("Assigned To You", true, Text.DESCRIPTION), UPDATED_SUBMITTER("Updated", false, Text.COMMENT),
	UPDATED_CC("Updated", true, Text.COMMENT), UPDATED_OWNER("Updated", true, Text.COMMENT),
	RESOLVED_SUBMITTER("Resolved", false, Text.RESOLUTION), RESOLVED_CC("Resolved", true, Text.RESOLUTION),
	RESOLVED_OWNER("Resolved", true, Text.RESOLUTION), ASSIGNED_CC("Assigned", true, Text.COMMENT),
	CLOSED_SUBMITTER("Closed", false, Text.COMMENT, Text.RESOLUTION),
	CLOSED_CC("Closed", true, Text.COMMENT, Text.RESOLUTION),
	CLOSED_OWNER("Closed", true, Text.COMMENT, Text.RESOLUTION), MERGED("Merged", false),
	ESCALATED_SUBMITTER("Escalated", false), ESCALATED_CC("Escalated", true), ESCALATED_OWNER("Escalated", true),
	WEBHOOK_DISABLED("Webhook disabled", true);

	/** The longer texts a mail may show, besides the ticket's short fields. */
	enum Text {
		DESCRIPTION, COMMENT, RESOLUTION
	}

	private final String subjectSuffix;

	private final boolean staff;

	private final Set<Text> texts;

	MailTemplate(String subjectSuffix, boolean staff, Text... texts) {
		this.subjectSuffix = subjectSuffix;
		this.staff = staff;
		this.texts = texts.length == 0 ? EnumSet.noneOf(Text.class) : EnumSet.of(texts[0], texts);
	}

	/** The template for a role ({@code submitter}, {@code owner}, {@code cc}) of a kind of news ({@code updated}...). */
	static MailTemplate of(String kind, String role) {
		return valueOf((kind + "_" + role).toUpperCase(Locale.ROOT));
	}

	/** The template recorded in {@code mail_outbox.template}. */
	static MailTemplate ofFileName(String fileName) {
		return valueOf(fileName.toUpperCase(Locale.ROOT));
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

	boolean shows(Text text) {
		return texts.contains(text);
	}
}
