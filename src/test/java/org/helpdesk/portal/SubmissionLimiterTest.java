package org.helpdesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionLimiterTest {

	private final MovableClock clock = new MovableClock();

	private final SubmissionLimiter limiter = new SubmissionLimiter(new PortalSettings(2, 3, Duration.ofHours(1)),
			clock);

	@Test
	void anAddressIsRefusedOnceItReachedItsLimitWhateverItsCase() {
		limiter.record("a@example.test", "10.0.0.1");
		limiter.record("A@Example.TEST", "10.0.0.2");

		assertThat(limiter.allows("a@example.test", "10.0.0.3")).isFalse();
		assertThat(limiter.allows("b@example.test", "10.0.0.3")).isTrue();
	}

	@Test
	void aClientIsRefusedOnceItReachedItsLimitAcrossAddresses() {
		limiter.record("a@example.test", "10.0.0.1");
		limiter.record("b@example.test", "10.0.0.1");
		limiter.record("c@example.test", "10.0.0.1");

		assertThat(limiter.allows("d@example.test", "10.0.0.1")).isFalse();
		assertThat(limiter.allows("d@example.test", "10.0.0.2")).isTrue();
	}

	@Test
	void submissionsOlderThanTheWindowNoLongerCount() {
		limiter.record("a@example.test", "10.0.0.1");
		limiter.record("a@example.test", "10.0.0.1");
		clock.advance(Duration.ofMinutes(61));

		assertThat(limiter.allows("a@example.test", "10.0.0.1")).isTrue();
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
