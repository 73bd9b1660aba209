package org.helpdesk.queue;

/**
 * Queue fields from a request; on an update, null fields stay as they are.
 */
public record QueueDraft(String title, String slug, String emailAddress, String newTicketCc, String updatedTicketCc,
		Integer escalateDays, Boolean allowPublicSubmission, Boolean allowEmailSubmission, Long defaultOwnerId,
		String locale, MailboxDraft mailbox) {

	/** A draft that leaves the mailbox as it is (none, for a new queue). */
	public QueueDraft(String title, String slug, String emailAddress, String newTicketCc, String updatedTicketCc,
			Integer escalateDays, Boolean allowPublicSubmission, Boolean allowEmailSubmission, Long defaultOwnerId,
			String locale) {
		this(title, slug, emailAddress, newTicketCc, updatedTicketCc, escalateDays, allowPublicSubmission,
				allowEmailSubmission, defaultOwnerId, locale, MailboxDraft.UNCHANGED);
	}

	public QueueDraft {
		mailbox = mailbox == null ? MailboxDraft.UNCHANGED : mailbox;
	}
}
