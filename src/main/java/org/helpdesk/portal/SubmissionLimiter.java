package org.helpdesk.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Counts recent submissions per e-mail address and per client address. Only accepted submissions count, so that a
 * person correcting a form is never locked out. Checking and recording are two steps: a handful of simultaneous
 * submissions may slip one past the limit, which does not matter for a flood brake.
 */
@Component
class SubmissionLimiter {

	// beyond this many remembered keys, expired ones are swept, so a flood of addresses cannot grow the map forever
	private static final int SWEEP_THRESHOLD = 10_000;

	private final PortalSettings settings;

	private final Clock clock;

	private final Map<String, Deque<Instant>> recent = new HashMap<>();

	SubmissionLimiter(PortalSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	synchronized boolean allows(String email, String client) {
		Instant since = clock.instant().minus(settings.submissionWindow());
		return count(addressKey(email), since) < settings.submissionsPerAddress()
				&& count(clientKey(client), since) < settings.submissionsPerClient();
	}

	synchronized void record(String email, String client) {
		Instant now = clock.instant();
		if (recent.size() > SWEEP_THRESHOLD) {
			Instant since = now.minus(settings.submissionWindow());
			recent.values().forEach(times -> expire(times, since));
			recent.values().removeIf(Deque::isEmpty);
		}
		recent.computeIfAbsent(addressKey(email), k -> new ArrayDeque<>()).addLast(now);
		recent.computeIfAbsent(clientKey(client), k -> new ArrayDeque<>()).addLast(now);
	}

	private int count(String key, Instant since) {
		Deque<Instant> times = recent.get(key);
		if (times == null) {
			return 0;
		}
		expire(times, since);
		return times.size();
	}

	private static void expire(Deque<Instant> times, Instant since) {
		while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
			times.removeFirst();
		}
	}

	private static String addressKey(String email) {
		return "address:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
	}

	private static String clientKey(String client) {
		return "client:" + client;
	}
}
