package org.helpdesk.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.MovableClock;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.SecondNode;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database run an escalation cycle at the same moment: one of them runs it, and every
 * due ticket is escalated exactly once. Even two cycles that do overlap (a lock that expired, an operator's run)
 * escalate no ticket twice, because each ticket is checked again on its locked row.
 */
@RequiresPostgres
@Import(MovableClock.Configuration.class)
@TestPropertySource(properties = "helpdesk.escalation.enabled=false")
class TwoNodesEscalateOnceOnPostgresTest extends FullStackTest {

	private static final int TICKETS = 40;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}

	@Autowired
	private Environment environment;

	@Autowired
	private MovableClock clock;

	@Autowired
	private Escalation escalation;

	@Autowired
	private JdbcClient jdbc;

	private ConfigurableApplicationContext secondNode;

	@BeforeEach
	void startSecondNode() {
		secondNode = SecondNode.start(environment, List.of(MovableClock.Configuration.class),
				"--helpdesk.escalation.enabled=false");
	}

	@AfterEach
	void stopSecondNode() {
		secondNode.close();
	}

	@Test
	void aCycleStartedOnBothNodesAtOnceEscalatesEveryTicketOnce() throws Exception {
		long queue = client.createQueue(Map.of("title", "Both", "slug", unique("both"), "escalate_days", 1));
		List<Long> tickets = new ArrayList<>();
		for (int i = 0; i < TICKETS; i++) {
			tickets.add(Long.parseLong(client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD,
					"queue", String.valueOf(queue), "title", "Waiting " + i, "priority", "4")).body().trim()));
		}
		Escalation other = secondNode.getBean(Escalation.class);

		advanceBoth(Duration.ofDays(1).plusMinutes(1));
		List<Boolean> ran = atOnce(Escalation::runOnceAcrossNodes, other);

		assertThat(ran).containsExactlyInAnyOrder(true, false);
		assertThat(escalationsPerTicket(queue)).hasSize(TICKETS).containsOnlyKeys(tickets).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
		assertThat(priorities(queue)).containsOnly(3);

		// without the cluster lock, two overlapping cycles still escalate each ticket once
		advanceBoth(Duration.ofDays(1).plusMinutes(1));
		List<Integer> escalated = atOnce(Escalation::run, other);

		assertThat(escalated.get(0) + escalated.get(1)).isEqualTo(TICKETS);
		assertThat(escalationsPerTicket(queue)).hasSize(TICKETS).allSatisfy((id, n) -> assertThat(n).isEqualTo(2));
		assertThat(priorities(queue)).containsOnly(2);
	}

	private void advanceBoth(Duration by) {
		clock.advance(by);
		secondNode.getBean(MovableClock.class).advance(by);
	}

	/** Runs the same thing on both nodes, released at the same moment. */
	private <T> List<T> atOnce(Function<Escalation, T> run, Escalation other) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<T>> results = new ArrayList<>();
		for (Escalation node : List.of(escalation, other)) {
			results.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return run.apply(node);
			}, threads));
		}
		start.countDown();
		List<T> values = new ArrayList<>();
		for (CompletableFuture<T> result : results) {
			values.add(result.get(60, TimeUnit.SECONDS));
		}
		threads.shutdown();
		return values;
	}

	private Map<Long, Long> escalationsPerTicket(long queue) {
		Map<Long, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select f.ticket_id, count(*) from followup f join ticket t on t.id = f.ticket_id
				where t.queue_id = ? and f.title = 'Ticket escalated' group by f.ticket_id""")
			.param(queue)
			.query(rs -> {
				counts.put(rs.getLong(1), rs.getLong(2));
			});
		return counts;
	}

	private List<Integer> priorities(long queue) {
		return jdbc.sql("select priority from ticket where queue_id = ?").param(queue).query(Integer.class).list();
	}
}
