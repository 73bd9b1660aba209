package org.helpdesk.restapi;

import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueDraft;

/**
 * A queue in JSON (fields in snake_case). {@code id} is ignored on input.
 */
record QueueBody(Long id, String title, String slug, String emailAddress, String newTicketCc, String updatedTicketCc,
		Integer escalateDays, Boolean allowPublicSubmission, Boolean allowEmailSubmission, Long defaultOwner,
		String locale) {

	static QueueBody of(Queue q) {
		return new QueueBody(q.id(), q.title(), q.slug(), q.emailAddress(), q.newTicketCc(), q.updatedTicketCc(),
				q.escalateDays(), q.allowPublicSubmission(), q.allowEmailSubmission(), q.defaultOwnerId(), q.locale());
	}

	QueueDraft draft() {
		return new QueueDraft(title, slug, emailAddress, newTicketCc, updatedTicketCc, escalateDays,
				allowPublicSubmission, allowEmailSubmission, defaultOwner, locale);
	}
}
