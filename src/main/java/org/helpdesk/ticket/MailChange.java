package org.helpdesk.ticket;

import java.util.List;

/**
 * What a mail did to a ticket: the ticket and the follow-up it made, and the attached files that were not kept
 * (each {@code "name: reason"}), which the follow-up's history also lists.
 */
public record MailChange(long ticketId, long followUpId, List<String> skippedFiles) {
}
