package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * One follow-up with its history and files. {@code originalHtml} is the attachment holding the HTML body of the mail
 * that made it ({@link TicketMail#ORIGINAL_HTML_NAME}), shown only sanitised ({@link MailOriginals}); null when the
 * follow-up did not come by mail or the mail had no HTML body.
 */
public record FollowUpView(long id, long ticketId, Instant date, String title, String comment, boolean isPublic,
		Long userId, String username, TicketStatus newStatus, List<FieldChange> changes,
		List<AttachmentView> attachments, Long originalHtml) {
}
