package org.helpdesk.notification;

import java.util.Optional;

/**
 * A mail in the outbox that this node has claimed and is about to render and send. Mails queued before rendering
 * moved to the dispatcher have no snapshot but their rendered bodies; those queued before threading was recorded
 * have an empty thread and no Reply-To.
 */
record QueuedMail(long id, String messageId, String sender, String recipient, String subject, String template,
		Optional<String> snapshot, String bodyText, String bodyHtml, int attempts, MailThread thread,
		Optional<String> replyTo) {
}
