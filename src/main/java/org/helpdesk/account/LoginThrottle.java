package org.helpdesk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address and per username in a sliding window. Once either reaches the limit,
 * further attempts are refused until the oldest failure in the window has aged out. Successes cost nothing.
 * Strangers choose the keys, so memory is bounded three ways: a long key is replaced by its hash, at most
 * {@link #MAX_KEYS} keys are kept, and each keeps only the last {@code maxFailures} times.
 */
@Component
class LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	static final int MAX_KEYS = 100_000;

	static final int MAX_KEY_LENGTH = 160;

	private final Cache<String, Deque<Instant>> failures;

	@Autowired
	LoginThrottle(SecuritySettings settings, Clock clock) {
		this(settings, clock, MAX_KEYS);
	}

	LoginThrottle(SecuritySettings settings, Clock clock, int maxKeys) {
		this.maxFailures = settings.maxFailures();
		this.window = settings.failureWindow();
		this.clock = clock;
		this.failures = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(maxKeys).build();
	}

	/** Throws when the address or the username is throttled right now. */
	void check(String clientAddress, String username) {
		long wait = Math.max(secondsToWait(key("ip:", clientAddress)), secondsToWait(key("user:", username)));
		if (wait > 0) {
			throw new LoginThrottled(wait);
		}
	}

	void recordFailure(String clientAddress, String username) {
		record(key("ip:", clientAddress));
		record(key("user:", username));
	}

	/** The keys held right now (for tests of the bounds). */
	Set<String> keys() {
		failures.cleanUp();
		return Set.copyOf(failures.asMap().keySet());
	}

	private static String key(String kind, String value) {
		String key = kind + value;
		return key.length() <= MAX_KEY_LENGTH ? key : kind + "sha256:" + sha256(value);
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private void record(String key) {
		Deque<Instant> times = failures.get(key, k -> new ArrayDeque<>());
		synchronized (times) {
			prune(times);
			times.addLast(clock.instant());
			// only the last maxFailures times decide whether and how long a key is throttled
			while (times.size() > maxFailures) {
				times.removeFirst();
			}
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
