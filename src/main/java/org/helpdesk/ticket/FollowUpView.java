package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

public record FollowUpView(long id, long ticketId, Instant date, String title, String comment, boolean isPublic,
		Long userId, String username, TicketStatus newStatus, List<FieldChange> changes,
		List<AttachmentView> attachments) {
}
