package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A follow-up an aggregate method asks to record, with the field changes it caused.
 */
record FollowUpDraft(String title, String comment, boolean isPublic, Long userId, TicketStatus newStatus,
		Instant date, List<FieldChange> changes, Duration timeSpent) {

	FollowUpDraft(String title, String comment, boolean isPublic, Long userId, TicketStatus newStatus, Instant date,
			List<FieldChange> changes) {
		this(title, comment, isPublic, userId, newStatus, date, changes, null);
	}
}
