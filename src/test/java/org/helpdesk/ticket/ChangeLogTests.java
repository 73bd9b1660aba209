package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.attachment.Upload;
import org.helpdesk.queue.QueueDraft;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.FullStackTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The change log as its readers (search, the change feed, webhooks) see it: every kind of change, with its fields,
 * in the order the changes were made, and nothing for a change that rolled back.
 */
abstract class ChangeLogTests extends FullStackTest {

	@Autowired
	ChangeLog log;

	@Autowired
	ChangeLogSequencer sequencer;

	@Autowired
	ChangeLogRetention retention;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketUpdates updates;

	@Autowired
	TicketRelations relations;

	@Autowired
	TicketEdits edits;

	@Autowired
	QueueManagement queues;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcTemplate jdbc;

	private Account agent;

	private long queueId;

	@BeforeEach
	void setUp() {
		queueId = queues.create(new QueueDraft("Log", unique("log"), null, null, null, null, null, null, null, null)).id();
		agent = accounts.create(new NewAccount(unique("agent"), "agent-password-1", null, "Ada", "Agent", "agent",
				Set.of(), true, true), null);
	}

	private long open(String title) {
		return tickets.open(OpenTicket.of(queueId, title, "details").from("customer@example.test"), agent);
	}

	/** The sequenced changes of these tickets, in log order. */
	private List<LoggedChange> changesOf(Long... ticketIds) {
		sequencer.sequenceAll();
		List<Long> ids = List.of(ticketIds);
		return log.after(0, Integer.MAX_VALUE).stream().filter(c -> ids.contains(c.ticketId())).toList();
	}

	@Test
	void everyKindOfChangeIsLoggedInTheOrderItWasMade() {
		long other = open("Other");
		long id = tickets.open(OpenTicket.of(queueId, "Printer", "It jams").from("customer@example.test")
			.attaching(List.of(new Upload("jam.txt", "text/plain", 3, new ByteArrayResource("jam".getBytes())))), agent);
		updates.update(id, TicketUpdate.reply("New toner", true).changeStatus(TicketStatus.RESOLVED), agent);
		tickets.addCc(id, "boss@example.test", agent);
		edits.removeCc(id, "boss@example.test", agent);
		relations.addDependency(other, id, agent);
		relations.removeDependency(other, id, agent);
		relations.merge(other, id, agent);
		tickets.delete(id, agent);

		assertThat(changesOf(id)).extracting(LoggedChange::kind).containsExactly("created", "attachment_added",
				"updated", "followup_added", "cc_added", "cc_removed", "merged", "deleted");
		assertThat(changesOf(other)).extracting(LoggedChange::kind).containsExactly("created", "dependency_added",
				"dependency_removed", "merged", "updated");
		List<LoggedChange> changes = changesOf(id);
		assertThat(changes.get(0).fields()).contains("\"title\":\"Printer\"", "\"status\":\"open\"",
				"\"queue\":" + queueId);
		assertThat(changes.get(0).actorId()).isEqualTo(agent.id());
		assertThat(changes.get(0).queueId()).isEqualTo(queueId);
		assertThat(changes.get(1).fields()).contains("\"filename\":\"jam.txt\"");
		assertThat(changes.get(2).fields()).isEqualTo("{\"resolution\":{\"old\":null,\"new\":\"New toner\"},"
				+ "\"resolution_public\":{\"old\":false,\"new\":true},\"status\":{\"old\":\"open\",\"new\":\"resolved\"}}");
		assertThat(changes.get(3).fields()).contains("\"comment\":\"New toner\"", "\"public\":true",
				"\"new_status\":\"resolved\"");
		assertThat(changes.get(3).followUpId()).isEqualTo(changes.get(2).followUpId()).isNotNull();
		assertThat(changes.get(4).fields()).contains("boss@example.test");
		assertThat(changes.get(7).queueId()).as("a deleted ticket's queue").isEqualTo(queueId);
		assertThat(changesOf(other).get(3).fields()).isEqualTo("{\"merged_into\":" + id + "}");
		assertThat(changesOf(other).get(4).fields()).contains("\"status\":{\"old\":\"open\",\"new\":\"duplicate\"}",
				"\"merged_to\":{\"old\":null,\"new\":" + id + "}");
		assertThat(changes.get(6).fields()).isEqualTo("{\"merged_from\":" + other + "}");
		assertThat(changes).extracting(LoggedChange::position).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void aChangeThatIsRefusedLeavesNoRow() {
		long waiting = open("Deploy");
		long blocker = open("Fix build");
		relations.addDependency(waiting, blocker, agent);
		int before = changesOf(waiting).size();

		assertThatThrownBy(() -> tickets.resolve(waiting, "done", agent)).isInstanceOf(OpenDependencies.class);

		assertThat(changesOf(waiting)).hasSize(before);
	}

	@Test
	void aChangeIsSequencedSoonAfterItsCommitWithoutAnyoneAsking() throws InterruptedException {
		long id = open("Soon");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (log.after(0, Integer.MAX_VALUE).stream().noneMatch(c -> c.ticketId() == id)
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(5);
		}
		assertThat(log.after(0, Integer.MAX_VALUE)).anyMatch(c -> c.ticketId() == id && c.kind().equals("created"));
		assertThat(log.head()).isGreaterThanOrEqualTo(log.after(0, Integer.MAX_VALUE).stream()
			.mapToLong(LoggedChange::position).max().orElseThrow());
	}

	@Test
	void retentionRemovesOnlyRowsOlderThanItKeeps() {
		long old = open("Old");
		long recent = open("Recent");
		sequencer.sequenceAll();
		jdbc.update("update ticket_log set occurred = ? where ticket_id = ?",
				java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(31))), old);

		retention.removeOld();

		assertThat(changesOf(old)).isEmpty();
		assertThat(changesOf(recent)).extracting(LoggedChange::kind).containsExactly("created");
		assertThat(log.oldestPosition()).isPositive();
	}
}
