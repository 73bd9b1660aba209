package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.core.Actor;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.QueueDraft;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.web.list.BulkActions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
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
	TicketEdits edits;

	@Autowired
	BulkActions bulk;

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
		return open(title, "customer@example.test");
	}

	private long open(String title, String submitter) {
		return tickets.open(OpenTicket.of(queueId, title, "details").from(submitter), agent);
	}

	@Test
	void aReplyThatResolvesRecordsTheStatusChangeAndKeepsTheResolution() {
		long id = open("Printer");

		updates.update(id, TicketUpdate.reply("New toner", true).changeStatus(TicketStatus.RESOLVED), agent);

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
		assertThatThrownBy(() -> updates.update(waiting, TicketUpdate.status(TicketStatus.CLOSED), agent))
			.isInstanceOf(OpenDependencies.class);

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
		assertThat(reader.followUps(source)).extracting(FollowUpView::title).containsExactly("Merged into #" + target);
	}

	@Test
	void aSaveBasedOnAnOldVersionIsRefused() {
		long id = open("Two editors");
		int seen = 0;
		updates.update(id, TicketUpdate.comment("first", false), agent);

		assertThatThrownBy(() -> updates.update(id, TicketUpdate.reply("second", false).changePriority(1).basedOn(seen),
				agent)).isInstanceOf(TicketChangedConcurrently.class);
		assertThat(reader.details(id).orElseThrow().priority()).isEqualTo(3);
	}

	@Test
	void aResolvedOrClosedTicketCannotBeMergedAwayAndKeepsItsHistory() {
		long target = open("Mail down");
		long resolved = open("Mail slow");
		tickets.resolve(resolved, "Restarted the server", agent);
		long closed = open("Mail gone");
		updates.update(closed, TicketUpdate.status(TicketStatus.CLOSED), agent);

		for (long source : new long[] { resolved, closed }) {
			TicketStatus before = reader.details(source).orElseThrow().status();
			int history = reader.followUps(source).size();

			assertThatThrownBy(() -> relations.merge(source, target, agent)).isInstanceOf(IllegalStatusChange.class);

			assertThat(reader.details(source).orElseThrow().status()).isEqualTo(before);
			assertThat(reader.followUps(source)).hasSize(history);
		}
		assertThat(reader.followUps(target)).extracting(FollowUpView::title).containsExactly("Ticket Opened");
	}

	@Test
	void aDuplicateCannotBeMergedAgainNorTakeInAnotherTicket() {
		long target = open("Original");
		long duplicate = open("Copy");
		long other = open("Another copy");
		relations.merge(duplicate, target, agent);

		assertThatThrownBy(() -> relations.merge(duplicate, other, agent)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> relations.merge(other, duplicate, agent)).isInstanceOf(InvalidInput.class);

		assertThat(reader.details(other).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
		assertThat(reader.followUps(other)).extracting(FollowUpView::title).containsExactly("Ticket Opened");
	}

	@Test
	void mergingRecordsTheMergeOnBothTickets() {
		long target = open("Printer on fire");
		long source = open("Smoke in room 4");

		relations.merge(source, target, agent);

		FollowUpView onSource = reader.followUps(source).get(0);
		assertThat(onSource.title()).isEqualTo("Merged into #" + target);
		assertThat(onSource.changes()).containsExactly(new FieldChange("Status", "Open", "Duplicate"));
		assertThat(reader.followUps(target)).extracting(FollowUpView::title)
			.contains("Merged #" + source + " into this ticket");
	}

	@Test
	void mergingMovesTheSubmitterAndTheCcsToTheTarget() {
		long target = open("VPN down", "first@example.test");
		long source = open("No VPN", "second@example.test");
		tickets.addCc(source, "boss@example.test", agent);
		tickets.addCc(target, "first-cc@example.test", agent);

		relations.merge(source, target, agent);

		TicketDetails merged = reader.details(target).orElseThrow();
		assertThat(merged.submitterEmail()).isEqualTo("first@example.test");
		assertThat(merged.ccEmails()).containsExactlyInAnyOrder("first-cc@example.test", "second@example.test",
				"boss@example.test");
	}

	@Test
	void aStaleEditIsRefusedAndChangesNothing() {
		long id = open("Two editors");
		int seen = 0; // a new ticket's version, as the edit page showed it
		updates.update(id, TicketUpdate.comment("Meanwhile", false), agent);

		assertThatThrownBy(() -> edits.edit(id, new EditTicket("My new title", "details", "customer@example.test", 1,
				null, seen), agent)).isInstanceOf(TicketChangedConcurrently.class);

		TicketDetails ticket = reader.details(id).orElseThrow();
		assertThat(ticket.title()).isEqualTo("Two editors");
		assertThat(ticket.priority()).isEqualTo(3);
	}

	@Test
	void aStaleTakeIsRefusedAndTheOwnerStays() {
		long id = open("Wanted");
		Account other = accounts.create(new NewAccount(unique("other"), "agent-password-1", null, "Olga", "Other",
				"agent", Set.of(), true, true), null);
		updates.update(id, TicketUpdate.assign(other.id()), other);

		assertThatThrownBy(() -> updates.update(id, TicketUpdate.assign(agent.id()).basedOn(0), agent))
			.isInstanceOf(TicketChangedConcurrently.class);

		assertThat(reader.details(id).orElseThrow().ownerId()).isEqualTo(other.id());
	}

	@Test
	void noFacadeAcceptsAMissingActor() {
		long id = open("Nobody's business");
		long other = open("Other business");
		Actor nobody = null;

		assertThatNullPointerException().isThrownBy(() -> tickets.open(OpenTicket.of(queueId, "Anonymous", "x"), nobody));
		assertThatNullPointerException().isThrownBy(() -> tickets.hold(id, nobody));
		assertThatNullPointerException().isThrownBy(() -> tickets.comment(id, "psst", true, nobody));
		assertThatNullPointerException().isThrownBy(() -> tickets.resolve(id, "gone", nobody));
		assertThatNullPointerException().isThrownBy(() -> tickets.addCc(id, "spy@example.test", nobody));
		assertThatNullPointerException().isThrownBy(() -> tickets.delete(id, nobody));
		assertThatNullPointerException().isThrownBy(() -> updates.update(id, TicketUpdate.assign(agent.id()), nobody));
		assertThatNullPointerException().isThrownBy(() -> edits.edit(id, new EditTicket("Renamed", "x", null, 1,
				Instant.now(), 0), nobody));
		assertThatNullPointerException().isThrownBy(() -> edits.removeCc(id, "customer@example.test", nobody));
		assertThatNullPointerException().isThrownBy(() -> relations.merge(id, other, nobody));
		assertThatNullPointerException().isThrownBy(() -> relations.addDependency(id, other, nobody));
		assertThatNullPointerException().isThrownBy(() -> bulk.close(List.of(id), false, nobody));
		assertThatNullPointerException().isThrownBy(() -> reader.visible(id, nobody));

		TicketDetails ticket = reader.details(id).orElseThrow();
		assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(ticket.onHold()).isFalse();
		assertThat(ticket.ownerId()).isNull();
		assertThat(ticket.ccEmails()).isEmpty();
		assertThat(reader.followUps(id)).hasSize(1);
	}

	@Test
	void oppositeMergesAtTheSameTimeEndWithOneMergeAndOneRefusal() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				long a = open("Round " + round + " A");
				long b = open("Round " + round + " B");
				CyclicBarrier start = new CyclicBarrier(2);
				Future<String> aIntoB = pool.submit(() -> mergeWhenBothReady(start, a, b));
				Future<String> bIntoA = pool.submit(() -> mergeWhenBothReady(start, b, a));

				assertThat(List.of(aIntoB.get(60, TimeUnit.SECONDS), bIntoA.get(60, TimeUnit.SECONDS)))
					.containsExactlyInAnyOrder("merged", "refused");
				assertThat(List.of(reader.details(a).orElseThrow().status(), reader.details(b).orElseThrow().status()))
					.containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.DUPLICATE);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String mergeWhenBothReady(CyclicBarrier start, long source, long target) throws Exception {
		start.await(30, TimeUnit.SECONDS);
		try {
			relations.merge(source, target, agent);
			return "merged";
		}
		catch (InvalidInput | Conflict refused) {
			return "refused";
		}
	}
}
