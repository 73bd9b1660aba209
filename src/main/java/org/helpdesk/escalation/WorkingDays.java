package org.helpdesk.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Counts a wait in working time: only time that falls on days without an exclusion counts. Walking back from now,
 * day by day in the helpdesk's time zone and skipping excluded days, it finds the moment from which {@code days}
 * times 24 hours of working time have passed. A ticket waiting since that moment or earlier is due. So an
 * exclusion date makes the wait one day longer, and no ticket becomes due during an excluded day.
 */
final class WorkingDays {

	private WorkingDays() {
	}

	static Instant waitingSince(Instant now, ZoneId zone, int days, Set<LocalDate> excluded) {
		Duration remaining = Duration.ofDays(days);
		Instant cursor = now;
		LocalDate day = LocalDate.ofInstant(now, zone);
		// ends: the excluded days are finitely many, every other day counts
		while (true) {
			Instant dayStart = day.atStartOfDay(zone).toInstant();
			if (!excluded.contains(day)) {
				Duration available = Duration.between(dayStart, cursor);
				if (available.compareTo(remaining) >= 0) {
					return cursor.minus(remaining);
				}
				remaining = remaining.minus(available);
			}
			cursor = dayStart;
			day = day.minusDays(1);
		}
	}
}
