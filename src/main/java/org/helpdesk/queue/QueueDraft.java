package org.helpdesk.queue;

/**
 * Queue fields from a request; on an update, null fields stay as they are.
 */
public record QueueDraft(String title, String slug, String emailAddress, String newTicketCc, String updatedTicketCc,
		Integer escalateDays, Boolean allowPublicSubmission, Boolean allowEmailSubmission, Long defaultOwnerId,
		String locale) {
}
