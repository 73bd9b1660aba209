package org.helpdesk.webhook;

import java.time.Instant;

/** A delivery whose turn has come, with what its body is made of and where its retries stand. */
record PendingDelivery(long id, long endpointId, long position, long ticketId, Long queueId, String event,
		Long actorId, Instant occurred, String fields, int attempts, Instant retryUntil) {
}
