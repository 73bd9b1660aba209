package org.helpdesk.ticket;

import java.util.List;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.queue.QueueDraft;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.FullStackTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ticket facades against a real database: replies, dependencies, merging and concurrent edits.
 */
abstract class TicketWorkflowTests extends FullStackTest {

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketUpdates updates;

	@Autowired
	TicketRelations relations;

	@Autowired
	TicketReader reader;

	@Autowired
	QueueManagement queues;

	@Autowired
	AccountManagement accounts;

	private Account agent;

	private long queueId;

	@BeforeEach
	void setUp() {
		queueId = queues.create(new QueueDraft("Workflow", unique("wf"), null, null, null, null, null, null, null, null)).id();
		agent = accounts.create(new NewAccount(unique("agent"), "agent-password-1", null, "Ada", "Agent", "agent",
				Set.of(), true, true), null);
	}

	private long open(String title) {
		return tickets.open(new OpenTicket(queueId, title, "details", "customer@example.test", null, 3, null, List.of(),
				null), agent);
	}

	@Test
	void aReplyThatResolvesRecordsTheStatusChangeAndKeepsTheResolution() {
		long id = open("Printer");

		updates.update(id, new TicketUpdate("New toner", true, TicketStatus.RESOLVED, null, false, null, null, null,
				false, List.of(), null, null), agent);

		TicketDetails ticket = reader.details(id).orElseThrow();
		assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(ticket.resolution()).isEqualTo("New toner");
		FollowUpView last = reader.followUps(id).get(1);
		assertThat(last.title()).isEqualTo("Resolved");
		assertThat(last.changes()).containsExactly(new FieldChange("Status", "Open", "Resolved"));
	}

	@Test
	void aTicketWithAnOpenDependencyCannotBeResolvedOrClosed() {
		long waiting = open("Deploy");
		long blocker = open("Fix build");
		relations.addDependency(waiting, blocker, agent);

		assertThatThrownBy(() -> tickets.resolve(waiting, "done", agent)).isInstanceOf(OpenDependencies.class);
		assertThatThrownBy(() -> updates.update(waiting, new TicketUpdate(null, false, TicketStatus.CLOSED, null,
				false, null, null, null, false, List.of(), null, null), agent)).isInstanceOf(OpenDependencies.class);

		tickets.resolve(blocker, "fixed", agent);
		tickets.resolve(waiting, "done", agent);
		assertThat(reader.details(waiting).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
	}

	@Test
	void mergingMakesTheSourceADuplicateAndMovesItsHistory() {
		long target = open("Mail down");
		long source = open("Cannot send mail");

		relations.merge(source, target, agent);

		assertThat(reader.details(source).orElseThrow().status()).isEqualTo(TicketStatus.DUPLICATE);
		assertThat(reader.followUps(target)).extracting(FollowUpView::title)
			.contains("[Merged from #" + source + "] Ticket Opened");
		assertThat(reader.followUps(source)).isEmpty();
	}

	@Test
	void aSaveBasedOnAnOldVersionIsRefused() {
		long id = open("Two editors");
		int seen = 0;
		updates.update(id, TicketUpdate.comment("first", false), agent);

		assertThatThrownBy(() -> updates.update(id, new TicketUpdate("second", false, null, null, false, 1, null, null,
				false, List.of(), null, seen), agent)).isInstanceOf(TicketChangedConcurrently.class);
		assertThat(reader.details(id).orElseThrow().priority()).isEqualTo(3);
	}
}
