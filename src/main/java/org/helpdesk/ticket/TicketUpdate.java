package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.helpdesk.attachment.Upload;

/**
 * A reply or edit from a person: any mix of a comment, a status change, a new owner, priority, queue or due date,
 * attachments and time spent. Null fields stay as they are; {@code unassign} and {@code clearDueDate} remove.
 * {@code expectedVersion}, when given, is the version the person saw: if someone saved in between, the update is
 * refused instead of silently overwriting theirs.
 */
public record TicketUpdate(String comment, boolean isPublic, TicketStatus newStatus, Long ownerId, boolean unassign,
		Integer priority, Long queueId, Instant dueDate, boolean clearDueDate, List<Upload> attachments,
		Duration timeSpent, Integer expectedVersion) {

	public static TicketUpdate comment(String comment, boolean isPublic) {
		return new TicketUpdate(comment, isPublic, null, null, false, null, null, null, false, List.of(), null, null);
	}
}
