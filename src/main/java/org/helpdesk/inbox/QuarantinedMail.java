package org.helpdesk.inbox;

import java.time.Instant;

/** A message kept in quarantine, without its bytes: why it could not be taken in, and where it came from. */
public record QuarantinedMail(long id, long queueId, String messageId, String sender, String subject, String reason,
		MailSource source, Instant receivedAt, long size) {
}
