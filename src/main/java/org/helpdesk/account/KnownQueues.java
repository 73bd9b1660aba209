package org.helpdesk.account;

import java.util.Set;

/**
 * Which queues exist, for checking the queues an agent is limited to. The queue module implements it: queues are
 * its rows, and it depends on accounts, so the account module asks through this interface rather than the other way
 * round.
 */
public interface KnownQueues {

	/** Those of these ids that name no queue. */
	Set<Long> missing(Set<Long> queueIds);
}
