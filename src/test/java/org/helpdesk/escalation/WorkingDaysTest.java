package org.helpdesk.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a ticket must have waited: escalate_days of working time, excluded days not counting.
 */
class WorkingDaysTest {

	// a Wednesday
	private static final Instant WEDNESDAY_NOON = Instant.parse("2031-01-08T12:00:00Z");

	private static final LocalDate TUESDAY = LocalDate.parse("2031-01-07");

	@Test
	void withoutExclusionsTheWaitIsThatManyDays() {
		assertThat(WorkingDays.waitingSince(WEDNESDAY_NOON, ZoneOffset.UTC, 2, Set.of()))
			.isEqualTo(Instant.parse("2031-01-06T12:00:00Z"));
	}

	@Test
	void eachExcludedDayMakesTheWaitOneDayLonger() {
		assertThat(WorkingDays.waitingSince(WEDNESDAY_NOON, ZoneOffset.UTC, 2, Set.of(TUESDAY)))
			.isEqualTo(Instant.parse("2031-01-05T12:00:00Z"));
		assertThat(WorkingDays.waitingSince(WEDNESDAY_NOON, ZoneOffset.UTC, 2,
				Set.of(TUESDAY, TUESDAY.minusDays(2), TUESDAY.minusDays(30))))
			.isEqualTo(Instant.parse("2031-01-04T12:00:00Z"));
	}

	@Test
	void anExclusionAfterTheWaitChangesNothing() {
		assertThat(WorkingDays.waitingSince(WEDNESDAY_NOON, ZoneOffset.UTC, 1, Set.of(TUESDAY.minusDays(3))))
			.isEqualTo(Instant.parse("2031-01-07T12:00:00Z"));
	}

	@Test
	void noTicketBecomesDueDuringAnExcludedDay() {
		Set<LocalDate> wednesday = Set.of(TUESDAY.plusDays(1));
		Instant morning = WorkingDays.waitingSince(Instant.parse("2031-01-08T01:00:00Z"), ZoneOffset.UTC, 1, wednesday);
		Instant evening = WorkingDays.waitingSince(Instant.parse("2031-01-08T23:00:00Z"), ZoneOffset.UTC, 1, wednesday);

		assertThat(morning).isEqualTo(evening).isEqualTo(Instant.parse("2031-01-07T00:00:00Z"));
	}

	@Test
	void daysBeginAndEndInTheHelpdesksTimeZone() {
		// 23:30 UTC on Tuesday is already Wednesday in Berlin: the excluded Tuesday is over there, not in UTC
		Instant lateTuesday = Instant.parse("2031-01-07T23:30:00Z");

		assertThat(WorkingDays.waitingSince(lateTuesday, ZoneOffset.UTC, 1, Set.of(TUESDAY)))
			.isEqualTo(Instant.parse("2031-01-06T00:00:00Z"));
		assertThat(WorkingDays.waitingSince(lateTuesday, ZoneId.of("Europe/Berlin"), 1, Set.of(TUESDAY)))
			.isEqualTo(Instant.parse("2031-01-05T23:30:00Z"));
	}
}
