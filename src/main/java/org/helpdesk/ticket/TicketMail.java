package org.helpdesk.ticket;

import java.util.List;

import org.helpdesk.attachment.Upload;

/**
 * A mail as a ticket takes it in. {@code comment} is what the sender wrote this time (quoted history and signature
 * folded away); {@code fullText}, when it says more than the comment, is kept with the follow-up as
 * {@code full-message.txt}, one click away. {@code messageId} is stored with the follow-up (without angle brackets),
 * so replies to this mail find the ticket. {@code priority} is null for the default. Every file the mail brought
 * is kept whatever its extension (only the size limit refuses one); the mail's HTML body among them, named
 * {@link #ORIGINAL_HTML_NAME}, is offered on the ticket page as the original, shown only sanitised.
 */
public record TicketMail(String messageId, String sender, String subject, String comment, String fullText,
		Integer priority, List<Upload> attachments) {

	/** The file name under which the mail's HTML body, as sent, comes among the attachments. */
	public static final String ORIGINAL_HTML_NAME = "email_html_body.html";

	public TicketMail {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}
}
