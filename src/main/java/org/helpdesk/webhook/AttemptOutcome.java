package org.helpdesk.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one attempt came to: the receiver's HTTP status when it answered, how long it took, and what went wrong
 * (a status other than 2xx, a timeout, a refused connection or a target that is no longer allowed).
 */
record AttemptOutcome(PendingDelivery delivery, Instant at, OptionalInt status, long durationMillis,
		Optional<String> error) {

	boolean succeeded() {
		return error.isEmpty();
	}

	static AttemptOutcome answered(PendingDelivery delivery, Instant at, int status, long millis) {
		boolean ok = status >= 200 && status < 300;
		return new AttemptOutcome(delivery, at, OptionalInt.of(status), millis,
				ok ? Optional.empty() : Optional.of("HTTP " + status));
	}

	static AttemptOutcome failed(PendingDelivery delivery, Instant at, long millis, String error) {
		String text = error.length() <= 1000 ? error : error.substring(0, 1000);
		return new AttemptOutcome(delivery, at, OptionalInt.empty(), millis, Optional.of(text));
	}
}
