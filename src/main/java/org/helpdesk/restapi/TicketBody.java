package org.helpdesk.restapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.helpdesk.ticket.AttachmentView;
import org.helpdesk.ticket.FieldChange;
import org.helpdesk.ticket.FollowUpView;
import org.helpdesk.ticket.TicketDetails;

/**
 * A ticket with its follow-ups, oldest first.
 */
record TicketBody(long id, String ref, long queue, String title, String description, String resolution,
		String submitterEmail, Long assignedTo, String status, int priority, boolean onHold, Instant dueDate,
		Instant created, Instant modified, List<String> ccs, Map<String, String> customFields,
		List<FollowUp> followups) {

	record FollowUp(long id, Instant date, String title, String comment, @JsonProperty("public") boolean isPublic,
			Long user, String newStatus, List<FieldChange> changes, List<AttachmentView> attachments) {
	}

	static TicketBody of(TicketDetails t, Map<String, String> customFields, List<FollowUpView> followUps) {
		return new TicketBody(t.id(), t.ref(), t.queueId(), t.title(), t.description(), t.resolution(),
				t.submitterEmail(), t.ownerId(), t.status().code(), t.priority(), t.onHold(), t.dueDate(), t.created(),
				t.modified(), t.ccEmails(), customFields,
				followUps.stream()
					.map(f -> new FollowUp(f.id(), f.date(), f.title(), f.comment(), f.isPublic(), f.userId(),
							f.newStatus() == null ? null : f.newStatus().code(), f.changes(), f.attachments()))
					.toList());
	}
}
