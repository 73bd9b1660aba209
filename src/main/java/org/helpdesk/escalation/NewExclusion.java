package org.helpdesk.escalation;

import java.util.List;

/**
 * An exclusion date to add, as typed: {@code date} as {@code yyyy-mm-dd}; no {@code queueIds} means every queue.
 */
public record NewExclusion(String name, String date, List<Long> queueIds) {
}
