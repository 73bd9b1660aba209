package org.helpdesk.ticketlist;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The word index is written behind the requests, from a backlog in the database: nothing queued is lost, and a
 * deleted ticket leaves nothing behind.
 */
abstract class SearchIndexTests extends FullStackTest {

	@Autowired
	private SearchIndexer indexer;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void textLeftInTheBacklogIsIndexedByTheNextRunAndLeavesTheBacklog() {
		long ticket = ticket("Quiet printer");
		await().atMost(Duration.ofSeconds(10)).until(() -> words(ticket).contains("quiet"));
		// as a node that stopped between the commit and its indexing run would leave it
		jdbc.sql("insert into ticket_word_backlog (ticket_id, content) values (?, ?)")
			.params(ticket, "Zebracorn sighting on floor 3")
			.update();

		indexer.indexBacklog();

		assertThat(words(ticket)).contains("quiet", "printer", "zebracorn", "sighting", "floor", "3");
		assertThat(jdbc.sql("select count(*) from ticket_word_backlog where ticket_id = ?").param(ticket)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aDeletedTicketLeavesNoWordsAndNoWaitingTextBehind() {
		long ticket = ticket("Short-lived");
		await().atMost(Duration.ofSeconds(10)).until(() -> !words(ticket).isEmpty());
		jdbc.sql("insert into ticket_word_backlog (ticket_id, content) values (?, 'not yet indexed')").param(ticket)
			.update();

		Response deleted = client.legacy("delete_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(ticket), "confirm", "yes"));

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(words(ticket)).isEmpty();
		assertThat(jdbc.sql("select count(*) from ticket_word_backlog where ticket_id = ?").param(ticket)
			.query(Long.class).single()).isZero();
	}

	private long ticket(String title) {
		long queue = client.createQueue(unique("si"));
		Response created = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", title, "body", "Seen on the second floor"));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return Long.parseLong(created.body().trim());
	}

	private List<String> words(long ticket) {
		return jdbc.sql("select word from ticket_word where ticket_id = ?").param(ticket).query(String.class).list();
	}
}

class SearchIndexOnH2Test extends SearchIndexTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}
}

@RequiresPostgres
class SearchIndexOnPostgresTest extends SearchIndexTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
