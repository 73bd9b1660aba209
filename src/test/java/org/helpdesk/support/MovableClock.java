package org.helpdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests that need days to pass: the real time, moved forward by what the test asked for.
 * It keeps ticking, so events still happen in order. Import {@link Configuration} to put it in place of the
 * application's clock; it only moves forward, so tests of one context never see time run backwards.
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

	/** Moves the clock forward. */
	public void advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("The clock only moves forward");
		}
		ahead.accumulateAndGet(by, Duration::plus);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(ahead.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), ahead.get());
	}

	/** Replaces the application's clock with a movable one. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}
	}
}
