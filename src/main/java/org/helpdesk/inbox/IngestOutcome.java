package org.helpdesk.inbox;

/**
 * The answer for one inbound message, given after its change has committed. {@code ticketId}/{@code followUpId}
 * are set when a ticket was opened or followed up (and for a duplicate, the ticket it went to when known).
 * {@code keepInMailbox} tells a mailbox poller to leave the message where it is (an ignore rule that says so);
 * every other outcome, quarantine included, means the message is safe in the helpdesk and may leave the mailbox.
 */
public record IngestOutcome(IngestResult result, Long ticketId, Long followUpId, String reason, boolean keepInMailbox) {

	public static IngestOutcome created(long ticketId, long followUpId) {
		return new IngestOutcome(IngestResult.CREATED, ticketId, followUpId, null, false);
	}

	public static IngestOutcome followUp(long ticketId, long followUpId) {
		return new IngestOutcome(IngestResult.FOLLOWUP, ticketId, followUpId, null, false);
	}

	public static IngestOutcome ignored(String reason, boolean keepInMailbox) {
		return new IngestOutcome(IngestResult.IGNORED, null, null, reason, keepInMailbox);
	}

	/** The ticket and follow-up are those of the earlier copy, when known. */
	public static IngestOutcome duplicate(Long ticketId, Long followUpId, String reason) {
		return new IngestOutcome(IngestResult.DUPLICATE, ticketId, followUpId, reason, false);
	}

	public static IngestOutcome quarantined(String reason) {
		return new IngestOutcome(IngestResult.QUARANTINED, null, null, reason, false);
	}

	/** Added to a ticket, with a remark (a private note, files not kept). */
	public static IngestOutcome followUp(long ticketId, long followUpId, String reason) {
		return new IngestOutcome(IngestResult.FOLLOWUP, ticketId, followUpId, reason, false);
	}

	public static IngestOutcome created(long ticketId, long followUpId, String reason) {
		return new IngestOutcome(IngestResult.CREATED, ticketId, followUpId, reason, false);
	}
}
