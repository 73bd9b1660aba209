package org.helpdesk.account;

import java.util.List;

import org.helpdesk.support.FullStackTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the access suites: two queues, and an agent who may use only the first.
 */
abstract class AgentOfOneQueue extends FullStackTest {

	static final String PASSWORD = "agent-password-1";

	protected long queueA;

	protected long queueB;

	protected String agent;

	protected long agentId;

	@BeforeEach
	void agentLimitedToQueueA() {
		queueA = client.createQueue(unique("qa"));
		queueB = client.createQueue(unique("qb"));
		agent = unique("limited");
		agentId = client.createUser(agent, PASSWORD, "agent", null, List.of(queueA));
	}
}
