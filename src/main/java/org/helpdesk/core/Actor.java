package org.helpdesk.core;

import java.util.OptionalLong;

/**
 * Who makes a change: a person who signed in, or the system itself ({@link SystemActor}). Every change names one,
 * so that "nobody" can never silently mean "allowed everywhere".
 */
public interface Actor {

	/** Whether this actor may read and change the tickets of the queue. */
	boolean mayUseQueue(long queueId);

	/** The account to record as the author of a change; none for the system. */
	OptionalLong accountId();

	/** How the audit trail names this actor. */
	String auditName();
}
