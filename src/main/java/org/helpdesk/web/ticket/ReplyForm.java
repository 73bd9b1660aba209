package org.helpdesk.web.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.helpdesk.attachment.Upload;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketUpdate;

/**
 * The reply form as typed. Selects arrive pre-set to the ticket's current values, so a value equal to the current
 * one means "unchanged"; {@code version} is the ticket version the page showed.
 */
public record ReplyForm(String comment, String visibility, String status, String owner, String priority, String queue,
		String due, String timeSpent, String version) {

	static ReplyForm of(TicketDetails ticket, int version, String dueInput) {
		return new ReplyForm("", "private", ticket.status().code(),
				ticket.ownerId() == null ? "" : ticket.ownerId().toString(), String.valueOf(ticket.priority()),
				String.valueOf(ticket.queueId()), dueInput, "", String.valueOf(version));
	}

	public boolean isPublic() {
		return "public".equals(visibility);
	}

	/** What the person typed, on top of the ticket as it is now (after someone else changed it). */
	ReplyForm rebasedOn(TicketDetails ticket, int currentVersion, String dueInput) {
		ReplyForm fresh = of(ticket, currentVersion, dueInput);
		return new ReplyForm(comment, visibility, fresh.status(), fresh.owner(), fresh.priority(), fresh.queue(),
				fresh.due(), timeSpent, fresh.version());
	}

	TicketUpdate toUpdate(TicketDetails current, String currentDueInput, ZoneId zone, List<Upload> uploads) {
		List<FieldProblem> problems = new ArrayList<>();
		TicketStatus newStatus = status(current, problems);
		Long ownerId = TicketForms.id("owner", owner, problems);
		Integer newPriority = TicketForms.number("priority", priority, problems);
		Long queueId = TicketForms.id("queue", queue, problems);
		boolean dueUnchanged = Objects.equals(blankToEmpty(due), blankToEmpty(currentDueInput));
		Instant dueDate = dueUnchanged ? null : TicketForms.dateTime("due_date", due, zone, problems);
		Duration spent = TicketForms.timeSpent(timeSpent, problems);
		Integer expected = TicketForms.number("version", version, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		TicketUpdate update = TicketUpdate.reply(comment, isPublic()).attach(uploads);
		update = expected == null ? update : update.basedOn(expected);
		update = newStatus == null ? update : update.changeStatus(newStatus);
		update = withOwner(update, current, ownerId);
		update = newPriority == null || newPriority == current.priority() ? update : update.changePriority(newPriority);
		update = queueId == null || queueId == current.queueId() ? update : update.moveToQueue(queueId);
		update = spent == null ? update : update.spent(spent);
		if (dueUnchanged || (dueDate == null && current.dueDate() == null)) {
			return update;
		}
		return dueDate == null ? update.removeDueDate() : update.dueOn(dueDate);
	}

	private TicketUpdate withOwner(TicketUpdate update, TicketDetails current, Long ownerId) {
		if (ownerId != null && !ownerId.equals(current.ownerId())) {
			return update.assignTo(ownerId);
		}
		return TicketForms.isBlank(owner) && current.ownerId() != null ? update.unassign() : update;
	}

	private TicketStatus status(TicketDetails current, List<FieldProblem> problems) {
		if (TicketForms.isBlank(status) || status.equals(current.status().code())) {
			return null;
		}
		TicketStatus next = TicketStatus.fromCode(status).orElse(null);
		if (next == null) {
			problems.add(new FieldProblem("new_status", "is not a status"));
		}
		return next;
	}

	private static String blankToEmpty(String value) {
		return value == null ? "" : value.trim();
	}
}
