package org.helpdesk.ticket;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.queue.QueueDraft;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.helpdesk.web.list.BulkActions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tickets per queue and status that the dashboard shows are kept with every change rather than counted: after
 * any mix of changes, also concurrent ones, they equal a count of the tickets themselves.
 */
abstract class TicketCountsTests extends FullStackTest {

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

	@Autowired
	JdbcClient jdbc;

	private Account agent;

	private long first;

	private long second;

	@BeforeEach
	void setUp() {
		first = queue("counts-a");
		second = queue("counts-b");
		agent = accounts.create(new NewAccount(unique("agent"), "agent-password-1", null, "Ada", "Agent", "agent",
				Set.of(), true, true), null);
	}

	@Test
	void theCountsEqualARealCountAfterCreatesStatusChangesMovesMergesAndDeletes() {
		List<Long> opened = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			opened.add(open(i % 3 == 0 ? second : first, "Ticket " + i));
		}
		assertThat(kept()).isEqualTo(counted()).containsKeys(first, second);
		assertThat(kept().get(first)).containsEntry(TicketStatus.OPEN, 8L);

		tickets.resolve(opened.get(0), "Fixed", agent);
		updates.update(opened.get(1), TicketUpdate.status(TicketStatus.CLOSED), agent);
		updates.update(opened.get(1), TicketUpdate.status(TicketStatus.REOPENED), agent);
		updates.update(opened.get(2), TicketUpdate.reply("Wrong queue", false).moveToQueue(second), agent);
		updates.update(opened.get(4), TicketUpdate.status(TicketStatus.RESOLVED).moveToQueue(second), agent);
		updates.update(opened.get(5), TicketUpdate.comment("Nothing that counts", false), agent);
		assertThat(kept()).isEqualTo(counted());

		relations.merge(opened.get(6), opened.get(7), agent);
		bulk.merge(List.of(opened.get(8), opened.get(9)), null, agent);
		bulk.close(List.of(opened.get(10), opened.get(3)), false, agent);
		assertThat(kept()).isEqualTo(counted());
		assertThat(kept().get(second)).containsEntry(TicketStatus.DUPLICATE, 2L);

		tickets.delete(opened.get(11), agent);
		bulk.delete(List.of(opened.get(0), opened.get(1), opened.get(6)), agent);
		assertThat(kept()).isEqualTo(counted());
	}

	@Test
	void aRefusedChangeLeavesTheCountsAsTheyWere() {
		long blocked = open(first, "Deploy");
		long blocker = open(first, "Fix the build");
		relations.addDependency(blocked, blocker, agent);
		Map<Long, Map<TicketStatus, Long>> before = kept();

		assertThatThrownBy(() -> updates.update(blocked, TicketUpdate.status(TicketStatus.CLOSED), agent))
			.isInstanceOf(OpenDependencies.class);
		assertThatThrownBy(() -> updates.update(blocker,
				TicketUpdate.status(TicketStatus.CLOSED).moveToQueue(second).basedOn(7), agent))
			.isInstanceOf(TicketChangedConcurrently.class);

		assertThat(kept()).isEqualTo(before).isEqualTo(counted());
	}

	@Test
	void concurrentChangesToTicketsOfOneQueueKeepTheCountsExact() throws Exception {
		List<Long> shared = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			shared.add(open(first, "Shared " + i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> work = new ArrayList<>();
		for (int w = 0; w < 8; w++) {
			work.add(pool.submit(() -> {
				for (int i = 0; i < 15; i++) {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					long ticket = shared.get(random.nextInt(shared.size()));
					TicketStatus status = TicketStatus.values()[random.nextInt(4)];
					try {
						switch (i % 3) {
							case 0 -> open(random.nextBoolean() ? first : second, "Concurrent " + i);
							case 1 -> updates.update(ticket, TicketUpdate.status(status), agent);
							default -> updates.update(ticket,
									TicketUpdate.status(status).moveToQueue(random.nextBoolean() ? first : second), agent);
						}
					}
					catch (IllegalStatusChange | TicketChangedConcurrently refused) {
						// the rules said no, or another writer changed it first: counts must not change either way
					}
				}
				return null;
			}));
		}
		for (Future<?> f : work) {
			f.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();

		assertThat(kept()).isEqualTo(counted());
	}

	private long queue(String slug) {
		return queues.create(new QueueDraft(slug, unique(slug), null, null, null, null, null, null, null, null)).id();
	}

	private long open(long queue, String title) {
		return tickets.open(OpenTicket.of(queue, title, "details").from("customer@example.test"), agent);
	}

	private Map<Long, Map<TicketStatus, Long>> kept() {
		return reader.countsPerQueue();
	}

	private Map<Long, Map<TicketStatus, Long>> counted() {
		Map<Long, Map<TicketStatus, Long>> all = new HashMap<>();
		jdbc.sql("select queue_id, status, count(*) from ticket group by queue_id, status").query(rs -> {
			all.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TicketStatus.class))
				.put(TicketStatus.fromCode(rs.getString(2)).orElseThrow(), rs.getLong(3));
		});
		return all;
	}
}

class TicketCountsOnH2Test extends TicketCountsTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}
}

@RequiresPostgres
class TicketCountsOnPostgresTest extends TicketCountsTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
