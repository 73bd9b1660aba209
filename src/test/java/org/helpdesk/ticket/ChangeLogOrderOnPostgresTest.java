package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.queue.QueueDraft;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise readers of the change log build on: a reader that follows the log by position while many writers
 * commit on PostgreSQL sees every change exactly once, in order, and a transaction that commits late, after the
 * reader has moved past the changes sequenced meanwhile, still reaches the reader (above where it stood).
 */
@RequiresPostgres
class ChangeLogOrderOnPostgresTest extends FullStackTest {

	private static final int WRITERS = 4;

	private static final int CHANGES_PER_WRITER = 60;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}

	@Autowired
	ChangeLog log;

	@Autowired
	ChangeLogSequencer sequencer;

	@Autowired
	TicketManagement tickets;

	@Autowired
	QueueManagement queues;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aReaderFollowingTheLogSeesEveryChangeOnceInOrderEvenOneThatCommitsLate() throws Exception {
		long queueId = queues.create(new QueueDraft("Order", unique("order"), null, null, null, null, null, null, null,
				null)).id();
		Account agent = accounts.create(new NewAccount(unique("agent"), "agent-password-1", null, "Ada", "Agent",
				"agent", Set.of(), true, true), null);
		long lateTicket = tickets.open(OpenTicket.of(queueId, "Late", "commits late"), agent);
		sequencer.sequenceAll();
		long start = log.head();
		CountDownLatch lateWritten = new CountDownLatch(1);
		CountDownLatch readerMovedOn = new CountDownLatch(1);
		AtomicLong headWhenLateWasWritten = new AtomicLong();
		AtomicLong lateFollowUp = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
		try {
			Future<?> late = pool.submit(() -> transactions.executeWithoutResult(status -> {
				lateFollowUp.set(tickets.comment(lateTicket, "written early, committed late", false, agent));
				headWhenLateWasWritten.set(log.head());
				lateWritten.countDown();
				await(readerMovedOn);
			}));
			await(lateWritten);
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				writers.add(pool.submit(() -> {
					long id = tickets.open(OpenTicket.of(queueId, "Writer " + writer, "first"), agent);
					for (int i = 0; i < CHANGES_PER_WRITER; i++) {
						if (i % 3 == 0) {
							id = tickets.open(OpenTicket.of(queueId, "Writer " + writer + " #" + i, "text"), agent);
						}
						else {
							tickets.comment(id, "comment " + i, i % 2 == 0, agent);
						}
					}
				}));
			}
			List<LoggedChange> read = new ArrayList<>();
			long position = start;
			long passedWhileLateWasOpen = -1;
			Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
			while (Instant.now().isBefore(deadline)) {
				// Whether anyone still writes is asked before the read, and the log is done only when nothing is
				// left unsequenced and then the head is where the reader stands: asked the other way round, a
				// batch sequenced between the two questions would be missed.
				boolean writing = writers.stream().anyMatch(f -> !f.isDone()) || !late.isDone();
				List<LoggedChange> batch = log.after(position, 50);
				for (LoggedChange change : batch) {
					assertThat(change.position()).as("a row below where the reader stood").isGreaterThan(position);
					position = change.position();
					read.add(change);
				}
				if (passedWhileLateWasOpen < 0 && position > headWhenLateWasWritten.get() + 20) {
					passedWhileLateWasOpen = position;
					readerMovedOn.countDown();
				}
				if (!writing && batch.isEmpty() && unsequenced() == 0 && position == log.head()) {
					break;
				}
				if (batch.isEmpty()) {
					Thread.sleep(2);
				}
			}
			for (Future<?> writer : writers) {
				writer.get(1, TimeUnit.MINUTES);
			}
			late.get(1, TimeUnit.MINUTES);

			assertThat(passedWhileLateWasOpen).as("the reader moved past changes while the late one was open")
				.isPositive();
			List<Long> inDatabase = jdbc.queryForList("select position from ticket_log where position > ? order by position",
					Long.class, start);
			assertThat(read).extracting(LoggedChange::position).as("every change, once, in order")
				.containsExactlyElementsOf(inDatabase);
			assertThat(read).hasSize(1 + WRITERS * (1 + CHANGES_PER_WRITER));
			long finalPassed = passedWhileLateWasOpen;
			assertThat(read).filteredOn(c -> c.followUpId() != null && c.followUpId() == lateFollowUp.get())
				.singleElement()
				.satisfies(c -> assertThat(c.position()).as("the late change comes after what the reader had passed")
					.isGreaterThan(finalPassed));
		}
		finally {
			readerMovedOn.countDown();
			pool.shutdownNow();
		}
	}

	private long unsequenced() {
		return jdbc.queryForObject("select count(*) from ticket_log where position is null", Long.class);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(5, TimeUnit.MINUTES)) {
				throw new IllegalStateException("timed out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
