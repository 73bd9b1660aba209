package org.helpdesk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sliding-window throttle with a clock the test moves by hand.
 */
class LoginThrottleTest {

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-28T10:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(
			new SecuritySettings(4, Duration.ofMinutes(5), 100, 10, Duration.ofMinutes(5)), clock);

	private void fail(int times, String address, String user) {
		for (int i = 0; i < times; i++) {
			throttle.recordFailure(address, user);
		}
	}

	@Test
	void nineFailuresStillLetTheNextAttemptThrough() {
		fail(9, "10.0.0.1", "susan");

		assertThatCode(() -> throttle.check("10.0.0.1", "susan")).doesNotThrowAnyException();
	}

	@Test
	void tenFailuresThrottleForTheRestOfTheWindow() {
		fail(10, "10.0.0.1", "susan");

		LoginThrottled throttled = catchThrowableOfType(LoginThrottled.class, () -> throttle.check("10.0.0.1", "susan"));

		assertThat(throttled).isNotNull();
		assertThat(throttled.retryAfterSeconds()).isEqualTo(300);
	}

	@Test
	void retryAfterCountsDownAndTheThrottleLiftsWhenTheWindowHasPassed() {
		fail(10, "10.0.0.1", "susan");
		clock.advance(Duration.ofSeconds(200));

		assertThat(catchThrowableOfType(LoginThrottled.class, () -> throttle.check("10.0.0.1", "susan"))
			.retryAfterSeconds()).isEqualTo(100);

		clock.advance(Duration.ofSeconds(100));
		assertThatCode(() -> throttle.check("10.0.0.1", "susan")).doesNotThrowAnyException();
	}

	@Test
	void retryAfterIsNeverZeroWhileThrottled() {
		fail(10, "10.0.0.1", "susan");
		clock.advance(Duration.ofMinutes(5).minusMillis(1));

		assertThat(catchThrowableOfType(LoginThrottled.class, () -> throttle.check("10.0.0.1", "susan"))
			.retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void failuresOlderThanTheWindowNoLongerCount() {
		fail(5, "10.0.0.1", "susan");
		clock.advance(Duration.ofMinutes(4));
		fail(5, "10.0.0.1", "susan");
		assertThatThrownBy(() -> throttle.check("10.0.0.1", "susan")).isInstanceOf(LoginThrottled.class);

		clock.advance(Duration.ofMinutes(1));

		assertThatCode(() -> throttle.check("10.0.0.1", "susan")).doesNotThrowAnyException();
	}

	@Test
	void oneAddressTryingManyAccountsIsThrottledForEveryAccount() {
		for (int i = 0; i < 10; i++) {
			throttle.recordFailure("10.0.0.1", "user" + i);
		}

		assertThatThrownBy(() -> throttle.check("10.0.0.1", "someone-else")).isInstanceOf(LoginThrottled.class);
		assertThatCode(() -> throttle.check("10.0.0.2", "someone-else")).doesNotThrowAnyException();
	}

	@Test
	void oneAccountAttackedFromManyAddressesIsThrottledFromEveryAddress() {
		for (int i = 0; i < 10; i++) {
			throttle.recordFailure("10.0.0." + i, "susan");
		}

		assertThatThrownBy(() -> throttle.check("192.168.1.1", "susan")).isInstanceOf(LoginThrottled.class);
		assertThatCode(() -> throttle.check("192.168.1.1", "bob")).doesNotThrowAnyException();
	}

	@Test
	void checkingCostsNothingSoSuccessfulLoginsAreNeverThrottled() {
		for (int i = 0; i < 1000; i++) {
			throttle.check("10.0.0.1", "susan");
		}

		assertThatCode(() -> throttle.check("10.0.0.1", "susan")).doesNotThrowAnyException();
	}

	@Test
	void theLimitComesFromTheSettings() {
		LoginThrottle strict = new LoginThrottle(
				new SecuritySettings(4, Duration.ofMinutes(5), 100, 3, Duration.ofMinutes(1)), clock);
		strict.recordFailure("10.0.0.1", "susan");
		strict.recordFailure("10.0.0.1", "susan");
		assertThatCode(() -> strict.check("10.0.0.1", "susan")).doesNotThrowAnyException();

		strict.recordFailure("10.0.0.1", "susan");

		assertThat(catchThrowableOfType(LoginThrottled.class, () -> strict.check("10.0.0.1", "susan"))
			.retryAfterSeconds()).isEqualTo(60);
	}

	@Test
	void aHugeUsernameIsKeptAsAShortKeyAndStillThrottled() {
		String huge = "u".repeat(2 * 1024 * 1024);

		fail(10, "10.0.0.1", huge);

		assertThat(throttle.keys()).hasSize(2).allSatisfy(key -> assertThat(key).hasSizeLessThan(100));
		assertThatThrownBy(() -> throttle.check("10.0.0.2", huge)).isInstanceOf(LoginThrottled.class);
		assertThatCode(() -> throttle.check("10.0.0.2", huge + "x")).doesNotThrowAnyException();
	}

	@Test
	void theNumberOfKeysIsBounded() {
		LoginThrottle small = new LoginThrottle(
				new SecuritySettings(4, Duration.ofMinutes(5), 100, 10, Duration.ofMinutes(5)), clock, 50);

		for (int i = 0; i < 1000; i++) {
			small.recordFailure("10.0." + i / 256 + "." + i % 256, "user" + i);
		}

		assertThat(small.keys()).hasSizeLessThanOrEqualTo(50);
	}
}
