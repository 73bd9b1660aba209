package org.helpdesk.inbox;

/** What became of one inbound message; the names are those of {@code POST /api/v1/mail/inbound}'s answer. */
public enum IngestResult {
	/** A new ticket was opened. */
	CREATED,
	/** The message was added to an existing ticket. */
	FOLLOWUP,
	/** The same Message-ID was already taken in for this queue; nothing changed. */
	DUPLICATE,
	/** An ignore rule, an auto-reply or a bounce without a ticket, or the sender's rate limit: nothing changed. */
	IGNORED,
	/** The message could not be processed; its raw bytes are kept for an administrator, with the reason. */
	QUARANTINED;

	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
