package org.helpdesk.inbox;

import java.util.Set;

/**
 * An ignore rule to add; the facade checks it. Say which queues it is for with {@link #forAllQueues} or
 * {@link #forQueues}.
 */
public record NewIgnoreRule(String name, String addressPattern, boolean keepInMailbox, boolean allQueues,
		Set<Long> queueIds) {

	public NewIgnoreRule {
		queueIds = queueIds == null ? Set.of() : Set.copyOf(queueIds);
	}

	public static NewIgnoreRule forAllQueues(String name, String addressPattern, boolean keepInMailbox) {
		return new NewIgnoreRule(name, addressPattern, keepInMailbox, true, Set.of());
	}

	/** For these queues only; the original's rule that no queues means every queue is for the adapters to apply. */
	public static NewIgnoreRule forQueues(String name, String addressPattern, boolean keepInMailbox,
			Set<Long> queueIds) {
		return new NewIgnoreRule(name, addressPattern, keepInMailbox, false, queueIds);
	}
}
