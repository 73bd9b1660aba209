package org.helpdesk.core;

import java.util.OptionalLong;

/**
 * The helpdesk acting on its own behalf: inbound mail, escalation, a customer's submission through a public queue.
 * It may reach every queue, and the history records its changes with no account.
 */
public final class SystemActor implements Actor {

	public static final SystemActor INSTANCE = new SystemActor();

	private SystemActor() {
	}

	@Override
	public boolean mayUseQueue(long queueId) {
		return true;
	}

	@Override
	public OptionalLong accountId() {
		return OptionalLong.empty();
	}

	@Override
	public String auditName() {
		return "system";
	}

	@Override
	public String toString() {
		return "SystemActor";
	}
}
