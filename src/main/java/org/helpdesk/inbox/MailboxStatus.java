package org.helpdesk.inbox;

import java.time.Instant;
import java.util.Optional;

/**
 * How the last poll of a queue's mailbox went, for the admin page.
 *
 * @param lastCheck when it was last polled (empty: never)
 * @param lastError why the last poll failed (empty: it worked)
 */
public record MailboxStatus(Optional<Instant> lastCheck, Optional<String> lastError) {

	public static final MailboxStatus NEVER = new MailboxStatus(Optional.empty(), Optional.empty());

	public boolean failing() {
		return lastError.isPresent();
	}
}
