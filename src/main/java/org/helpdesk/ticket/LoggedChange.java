package org.helpdesk.ticket;

import java.time.Instant;

/**
 * One row of the {@link ChangeLog}: what happened to which ticket, when and by whom, at its position in the log.
 *
 * @param position where the change stands in the log; rising, with gaps where rows were removed by retention
 * @param queueId the ticket's queue after the change (before it, for a deletion)
 * @param kind {@code created}, {@code updated}, {@code followup_added}, {@code attachment_added}, {@code cc_added},
 *     {@code cc_removed}, {@code dependency_added}, {@code dependency_removed}, {@code merged} or {@code deleted}
 * @param actorId the account that made the change; none for the system or a customer without an account
 * @param followUpId the follow-up the change wrote, if it wrote one
 * @param fields a JSON object: the changed fields as {@code {"status": {"old": "open", "new": "resolved"}}} for
 *     {@code updated}, the ticket's fields for {@code created}, and the details of the other kinds
 */
public record LoggedChange(long position, long ticketId, Long queueId, String kind, Long actorId, Long followUpId,
		Instant occurred, String fields) {
}
