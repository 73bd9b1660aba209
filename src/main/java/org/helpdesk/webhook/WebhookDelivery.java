package org.helpdesk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One change sent (or to be sent) to one endpoint, with its newest attempts, newest first.
 *
 * @param status {@code pending} (waiting for its turn or a retry), {@code delivered} or {@code failed} (given up)
 * @param lastStatus the HTTP status of the last attempt, when the receiver answered
 */
public record WebhookDelivery(long id, long endpointId, long position, long ticketId, String event, String status,
		int attempts, Instant nextAttemptAt, OptionalInt lastStatus, Optional<String> lastError, Instant created,
		Optional<Instant> deliveredAt, List<Attempt> attemptLog) {

	/** One try: when, the HTTP status if the receiver answered, how long it took, and what went wrong. */
	public record Attempt(Instant at, OptionalInt statusCode, long durationMillis, Optional<String> error) {
	}
}
