package org.helpdesk.portal;

import java.time.Instant;
import java.util.List;

import org.helpdesk.ticket.AttachmentView;
import org.helpdesk.ticket.TicketStatus;

/**
 * A public follow-up as the submitter sees it. {@code byStaff} tells answers from the helpdesk apart from the
 * submitter's own replies and system entries; which agent wrote it is not shown. {@code originalHtml} is the file
 * holding the HTML body of the mail that made it, shown sanitised (null when there is none).
 */
public record CustomerFollowUp(long id, Instant date, String title, String comment, boolean byStaff,
		TicketStatus newStatus, List<AttachmentView> attachments, Long originalHtml) {
}
