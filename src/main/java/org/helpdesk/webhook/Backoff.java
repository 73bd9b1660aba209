package org.helpdesk.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before the next attempt: {@code base} after the first failure, doubling with each further one up to
 * {@code max}, of which a random half is taken off (jitter), so that the deliveries of a receiver that was down for
 * a while do not all come back at the same moment.
 */
final class Backoff {

	private Backoff() {
	}

	static Duration after(int failedAttempts, Duration base, Duration maxWait) {
		long max = Math.max(1, maxWait.toMillis());
		long full = Math.min(Math.max(1, base.toMillis()), max);
		for (int i = 1; i < failedAttempts && full < max; i++) {
			full = Math.min(full * 2, max);
		}
		long half = full / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}
}
