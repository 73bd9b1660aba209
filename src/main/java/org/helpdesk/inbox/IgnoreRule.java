package org.helpdesk.inbox;

import java.time.LocalDate;
import java.util.Set;

/**
 * A rule of the ignore lists: mail from a sender matching {@code addressPattern} (see the README for the syntax)
 * changes nothing in the queues it applies to: every queue when {@code allQueues}, else those in {@code queueIds}
 * (none left once they are all deleted). {@code keepInMailbox} leaves the message in the mailbox; otherwise the
 * poller deletes it.
 */
public record IgnoreRule(long id, String name, String addressPattern, boolean keepInMailbox, boolean allQueues,
		Set<Long> queueIds, LocalDate added) {

	public IgnoreRule {
		queueIds = Set.copyOf(queueIds);
	}

	boolean appliesTo(long queueId) {
		return allQueues || queueIds.contains(queueId);
	}
}
