package org.helpdesk.restapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.helpdesk.queue.Mailbox;
import org.helpdesk.queue.MailboxDraft;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueDraft;

/**
 * A queue in JSON (fields in snake_case). {@code id} and {@code email_box_pass_set} are ignored on input;
 * {@code email_box_pass} is only ever read, never written out. On a PATCH an {@code email_box_type} of {@code ""}
 * removes the mailbox (null leaves it as it is).
 */
record QueueBody(Long id, String title, String slug, String emailAddress, String newTicketCc, String updatedTicketCc,
		Integer escalateDays, Boolean allowPublicSubmission, Boolean allowEmailSubmission, Long defaultOwner,
		String locale, String emailBoxType, String emailBoxHost, Integer emailBoxPort, Boolean emailBoxSsl,
		String emailBoxUser,
		// named although the strategy would: swagger-core leaves write-only names as they are in Java
		@JsonProperty(value = "email_box_pass", access = JsonProperty.Access.WRITE_ONLY) String emailBoxPass,
		Boolean emailBoxPassSet, String emailBoxImapFolder, String emailBoxLocalDir, Integer emailBoxInterval) {

	static QueueBody of(Queue q) {
		Mailbox box = q.mailbox();
		return new QueueBody(q.id(), q.title(), q.slug(), q.emailAddress(), q.newTicketCc(), q.updatedTicketCc(),
				q.escalateDays(), q.allowPublicSubmission(), q.allowEmailSubmission(), q.defaultOwnerId(), q.locale(),
				box.type().wireName(), box.host(), box.port(), box.ssl(), box.user(), null, box.passwordSet(),
				box.imapFolder(), box.localDir(), box.intervalSeconds());
	}

	QueueDraft draft() {
		return new QueueDraft(title, slug, emailAddress, newTicketCc, updatedTicketCc, escalateDays,
				allowPublicSubmission, allowEmailSubmission, defaultOwner, locale,
				new MailboxDraft(emailBoxType, emailBoxHost, emailBoxPort, emailBoxSsl, emailBoxUser, emailBoxPass,
						emailBoxImapFolder, emailBoxLocalDir, emailBoxInterval));
	}
}
