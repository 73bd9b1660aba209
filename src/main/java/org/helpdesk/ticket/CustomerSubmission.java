package org.helpdesk.ticket;

import java.util.List;

import org.helpdesk.attachment.Upload;

/**
 * A ticket as a customer submits it through the public form. {@code queueId} may be null (nothing chosen).
 */
public record CustomerSubmission(Long queueId, String email, String title, String description, Integer priority,
		List<Upload> attachments) {
}
