package org.helpdesk.webhook;

import java.util.Optional;
import java.util.Set;

/**
 * What to change about an endpoint; what is empty stays as it is. {@code events} or {@code queueIds} given empty
 * mean every kind or every queue. {@code newSecret} replaces the secret with a generated one (or the one in
 * {@code secret}). Enabling an endpoint the helpdesk disabled starts its failure count afresh.
 */
public record WebhookChanges(Optional<String> url, Optional<Set<String>> events, Optional<Set<Long>> queueIds,
		Optional<Boolean> active, Optional<String> secret, boolean newSecret) {

	/** Only enabling or disabling. */
	public static WebhookChanges active(boolean active) {
		return new WebhookChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(active),
				Optional.empty(), false);
	}

	/** Only a new, generated secret. */
	public static WebhookChanges newGeneratedSecret() {
		return new WebhookChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), true);
	}
}
