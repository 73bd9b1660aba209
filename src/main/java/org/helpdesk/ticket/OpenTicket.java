package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

import org.helpdesk.attachment.Upload;

/**
 * What it takes to open a ticket, from any channel. Text is checked by the facade.
 */
public record OpenTicket(long queueId, String title, String description, String submitterEmail, Long ownerId,
		Integer priority, Instant dueDate, List<Upload> attachments) {
}
