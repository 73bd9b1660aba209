package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.helpdesk.attachment.Upload;

/**
 * What it takes to open a ticket, from any channel. Text is checked by the facade. {@code customValues} are keyed
 * by custom field name (without the {@code custom_} prefix).
 */
public record OpenTicket(long queueId, String title, String description, String submitterEmail, Long ownerId,
		Integer priority, Instant dueDate, List<Upload> attachments, Map<String, String> customValues) {
}
