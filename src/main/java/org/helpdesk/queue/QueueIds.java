package org.helpdesk.queue;

import java.util.HashSet;
import java.util.Set;

import org.helpdesk.account.KnownQueues;
import org.springframework.stereotype.Component;

/**
 * Tells the account module which queue ids exist (see {@link KnownQueues}).
 */
@Component
class QueueIds implements KnownQueues {

	private final Queues queues;

	QueueIds(Queues queues) {
		this.queues = queues;
	}

	@Override
	public Set<Long> missing(Set<Long> queueIds) {
		Set<Long> missing = new HashSet<>(queueIds);
		if (!queueIds.isEmpty()) {
			missing.removeAll(queues.existing(queueIds));
		}
		return missing;
	}
}
