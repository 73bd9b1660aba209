package org.helpdesk.webhook;

import java.util.Optional;
import java.util.Set;

/**
 * An endpoint to register. An empty {@code events} means every kind of change, an empty {@code queueIds} every
 * queue (also those created later); without a secret one is generated.
 */
public record NewWebhook(String url, Set<String> events, Set<Long> queueIds, Optional<String> secret, boolean active) {

	public NewWebhook {
		events = events == null ? Set.of() : Set.copyOf(events);
		queueIds = queueIds == null ? Set.of() : Set.copyOf(queueIds);
		secret = secret == null ? Optional.empty() : secret;
	}
}
