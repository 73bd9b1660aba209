package org.helpdesk.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A registered receiver of changes, without its secret (which is shown only when it is made).
 *
 * @param events the change-log kinds it receives, when not {@code allEvents}
 * @param queueIds the queues whose tickets' changes it receives, when not {@code allQueues}; empty when the queues it
 *     named were all deleted, and then it receives nothing
 * @param failingSince the first failed attempt since the last success, while attempts fail
 * @param disabledReason why the helpdesk disabled it, if it did
 */
public record WebhookEndpoint(long id, String url, boolean allEvents, Set<String> events, boolean allQueues,
		Set<Long> queueIds, boolean active, Optional<Instant> failingSince, Optional<String> disabledReason,
		Instant created) {
}
