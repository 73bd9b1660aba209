package org.helpdesk.ticketlist;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.helpdesk.support.Postgres;
import org.helpdesk.support.RequiresPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A helpdesk upgraded to the keyword-search index finds the tickets it already had: the V8 migration cuts their
 * titles and follow-ups into words as new text is.
 */
abstract class SearchIndexUpgradeTests {

	abstract DataSource database();

	@Test
	void ticketsFromBeforeTheIndexAreFoundByTheirWordsAfterTheUpgrade() {
		DataSource database = database();
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target("6").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(database);
		jdbc.update("insert into queue (title, slug) values ('Hardware', 'hw')");
		long queue = jdbc.queryForObject("select id from queue where slug = 'hw'", Long.class);
		jdbc.update("insert into ticket (queue_id, title, description, status, created, modified, secret_key)"
				+ " values (?, 'Printer on FLOOR 7', 'Out of toner', 'open', current_timestamp, current_timestamp, ?)",
				queue, UUID.randomUUID().toString());
		long ticket = jdbc.queryForObject("select id from ticket", Long.class);
		jdbc.update("insert into followup (ticket_id, date, comment, public) values (?, current_timestamp, ?, true)",
				ticket, "Out of toner");
		jdbc.update("insert into followup (ticket_id, date, comment, public) values (?, current_timestamp, ?, false)",
				ticket, "Ordered a Größe-XL cartridge");

		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

		assertThat(jdbc.queryForList("select word from ticket_word where ticket_id = ?", String.class, ticket))
			.containsExactlyInAnyOrder("printer", "on", "floor", "7", "out", "of", "toner", "ordered", "a", "größe",
					"xl", "cartridge");
	}
}

class SearchIndexUpgradeOnH2Test extends SearchIndexUpgradeTests {

	@Override
	DataSource database() {
		// one connection for the whole test, which keeps the in-memory database alive and in one state
		return new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
	}
}

@RequiresPostgres
class SearchIndexUpgradeOnPostgresTest extends SearchIndexUpgradeTests {

	@Override
	DataSource database() {
		return new DriverManagerDataSource(Postgres.createDatabase(), Postgres.user(), Postgres.password());
	}
}
