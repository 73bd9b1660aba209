package org.helpdesk.inbox;

/**
 * What sort of mail a message is, read from its headers and structure. Only {@link #PERSONAL} mail may open a
 * ticket or cause a notification; the others are recorded on a ticket they refer to, as a private note, or ignored.
 */
public enum MailKind {
	/** Written by a person. */
	PERSONAL,
	/** An automatic answer: out of office, vacation, "we received your mail" ({@code Auto-Submitted}, …). */
	AUTO_REPLY,
	/** A delivery status notification: the mail we sent did not arrive ({@code multipart/report}, MAILER-DAEMON). */
	BOUNCE,
	/** Sent through a mailing list or as bulk mail ({@code List-Id}, {@code Precedence: bulk|junk|list}). */
	LIST
}
