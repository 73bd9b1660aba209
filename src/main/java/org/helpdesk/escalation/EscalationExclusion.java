package org.helpdesk.escalation;

import java.time.LocalDate;
import java.util.List;

/**
 * A date that does not count towards the wait before escalation, for every queue ({@code allQueues}) or only for
 * {@code queueIds}.
 */
public record EscalationExclusion(long id, String name, LocalDate date, boolean allQueues, List<Long> queueIds) {

	public boolean appliesTo(long queueId) {
		return allQueues || queueIds.contains(queueId);
	}
}
