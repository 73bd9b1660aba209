package org.helpdesk.escalation;

import java.util.List;

/**
 * "The next {@code count} Saturdays": exclusions on the next occurrences of {@code weekday} ({@code monday} …
 * {@code sunday}), starting today; no {@code queueIds} means every queue. Values as typed.
 */
public record WeeklyExclusions(String weekday, String count, List<Long> queueIds) {
}
