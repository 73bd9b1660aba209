package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.helpdesk.attachment.Upload;

/**
 * What it takes to open a ticket, from any channel. Text is checked by the facade. {@code customValues} are keyed
 * by custom field name (without the {@code custom_} prefix). Channels that parsed every field pass them all (an
 * empty field as null); code that knows what it opens names it: {@code OpenTicket.of(queue, title, text)
 * .from(email).withPriority(2)}.
 */
public record OpenTicket(long queueId, String title, String description, String submitterEmail, Long ownerId,
		Integer priority, Instant dueDate, List<Upload> attachments, Map<String, String> customValues) {

	/** A ticket with no submitter address, no owner, the default priority, no due date and nothing attached. */
	public static OpenTicket of(long queueId, String title, String description) {
		return new OpenTicket(queueId, title, description, null, null, null, null, List.of(), Map.of());
	}

	public OpenTicket from(String email) {
		return new OpenTicket(queueId, title, description, email, ownerId, priority, dueDate, attachments,
				customValues);
	}

	public OpenTicket assignedTo(long owner) {
		return new OpenTicket(queueId, title, description, submitterEmail, owner, priority, dueDate, attachments,
				customValues);
	}

	public OpenTicket withPriority(int newPriority) {
		return new OpenTicket(queueId, title, description, submitterEmail, ownerId, newPriority, dueDate, attachments,
				customValues);
	}

	public OpenTicket attaching(List<Upload> files) {
		return new OpenTicket(queueId, title, description, submitterEmail, ownerId, priority, dueDate, files,
				customValues);
	}
}
