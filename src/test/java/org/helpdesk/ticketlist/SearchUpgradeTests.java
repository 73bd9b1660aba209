package org.helpdesk.ticketlist;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.helpdesk.HelpdeskApplication;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.Postgres;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A helpdesk that ran the hand-written word index (V7, V8 as a Java migration, V10) upgrades: Flyway accepts that
 * V8 is no longer shipped, V27 drops the word tables, and the tickets it already had are found through the new index,
 * which builds itself from the tables.
 */
abstract class SearchUpgradeTests {

	@TempDir
	java.nio.file.Path dataDir;

	abstract String url();

	abstract String user();

	/** How the test itself reaches the database, before and while the application runs. */
	abstract DataSource database();

	@Test
	void aDatabaseThatRanTheWordIndexMigratesAndItsTicketsAreFound() {
		DataSource database = database();
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target("7").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(database);
		// what the Java migration V8 left in the history when it ran
		jdbc.update("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,"
				+ " installed_by, execution_time, success) values (?, '8', 'index existing ticket words', 'JDBC',"
				+ " 'db.migration.V8__index_existing_ticket_words', null, 'helpdesk', 5, true)",
				jdbc.queryForObject("select max(installed_rank) + 1 from flyway_schema_history", Integer.class));
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target("25")
			.ignoreMigrationPatterns("*:future", "versioned:missing").load().migrate();
		jdbc.update("insert into queue (title, slug) values ('Hardware', 'hw')");
		long queue = jdbc.queryForObject("select id from queue where slug = 'hw'", Long.class);
		jdbc.update("insert into ticket (queue_id, title, description, status, created, modified, secret_key)"
				+ " values (?, 'Printer on FLOOR 7', 'Out of toner', 'open', current_timestamp, current_timestamp, ?)",
				queue, UUID.randomUUID().toString());
		long ticket = jdbc.queryForObject("select id from ticket", Long.class);
		jdbc.update("insert into ticket_word (word, ticket_id) values ('printer', ?)", ticket);

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelpdeskApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + url(), "--spring.datasource.username=" + user(),
				"--spring.datasource.password=" + (user().equals("sa") ? "" : Postgres.password()),
				"--helpdesk.data-dir=" + dataDir, "--helpdesk.admin.password=" + FullStackTest.ADMIN_PASSWORD,
				"--helpdesk.security.password-hash-strength=4", "--spring.main.banner-mode=off")) {
			assertThat(jdbc.queryForList("select version from flyway_schema_history where success", String.class))
				.contains("8", "26", "27");
			assertThat(jdbc.queryForObject("select count(*) from information_schema.tables"
					+ " where lower(table_name) in ('ticket_word', 'ticket_word_backlog')", Long.class)).isZero();
			BrowserlessSession admin = BrowserlessSession.signedIn(SecondNode.base(app), FullStackTest.ADMIN,
					FullStackTest.ADMIN_PASSWORD);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
					KeywordSearchTests.rows(admin.get("/tickets?q=printers+floor+7"))).isEqualTo(List.of(ticket)));
		}
	}
}

class SearchUpgradeOnH2Test extends SearchUpgradeTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID()
			+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";

	@Override
	String url() {
		return url;
	}

	@Override
	String user() {
		return "sa";
	}

	@Override
	DataSource database() {
		// one connection for the whole test, which keeps the in-memory database in one state
		return new SingleConnectionDataSource(url, "sa", "", true);
	}
}

@RequiresPostgres
class SearchUpgradeOnPostgresTest extends SearchUpgradeTests {

	private final String url = Postgres.createDatabase();

	@Override
	String url() {
		return url;
	}

	@Override
	String user() {
		return Postgres.user();
	}

	@Override
	DataSource database() {
		return new DriverManagerDataSource(url, Postgres.user(), Postgres.password());
	}
}
