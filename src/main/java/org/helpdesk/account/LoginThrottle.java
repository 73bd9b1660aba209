package org.helpdesk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address and per username in a sliding window. Once either reaches the limit,
 * further attempts are refused until the oldest failure in the window has aged out. Successes cost nothing.
 */
@Component
class LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Cache<String, Deque<Instant>> failures;

	LoginThrottle(SecuritySettings settings, Clock clock) {
		this.maxFailures = settings.maxFailures();
		this.window = settings.failureWindow();
		this.clock = clock;
		this.failures = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
	}

	/** Throws when the address or the username is throttled right now. */
	void check(String clientAddress, String username) {
		long wait = Math.max(secondsToWait("ip:" + clientAddress), secondsToWait("user:" + username));
		if (wait > 0) {
			throw new LoginThrottled(wait);
		}
	}

	void recordFailure(String clientAddress, String username) {
		record("ip:" + clientAddress);
		record("user:" + username);
	}

	private void record(String key) {
		Deque<Instant> times = failures.get(key, k -> new ArrayDeque<>());
		synchronized (times) {
			prune(times);
			times.addLast(clock.instant());
		}
	}

	private long secondsToWait(String key) {
		Deque<Instant> times = failures.getIfPresent(key);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			prune(times);
			if (times.size() < maxFailures) {
				return 0;
			}
			Duration left = Duration.between(clock.instant(), times.peekFirst().plus(window));
			return Math.max(1, (left.toMillis() + 999) / 1000);
		}
	}

	private void prune(Deque<Instant> times) {
		Instant cutoff = clock.instant().minus(window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
			times.removeFirst();
		}
	}
}
