package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.helpdesk.ticketlist.Words;

/**
 * Fills the keyword-search index (V7) with the words of the tickets and follow-ups that exist when it is created,
 * cut into words exactly as new text is (see {@link Words}). Runs once, during the upgrade, in batches.
 */
public class V8__index_existing_ticket_words extends BaseJavaMigration {

	private static final int BATCH = 1000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (PreparedStatement insert = connection
			.prepareStatement("insert into ticket_word (word, ticket_id) values (?, ?) on conflict do nothing")) {
			int pending = index(connection, "select id, title from ticket", insert, 0);
			pending = index(connection, "select ticket_id, comment from followup", insert, pending);
			if (pending > 0) {
				insert.executeBatch();
			}
		}
	}

	/** Adds the words of the second column to the ticket in the first; returns the rows waiting in the batch. */
	private static int index(Connection connection, String query, PreparedStatement insert, int pending)
			throws SQLException {
		try (Statement select = connection.createStatement()) {
			select.setFetchSize(BATCH);
			try (ResultSet rows = select.executeQuery(query)) {
				while (rows.next()) {
					long ticketId = rows.getLong(1);
					for (String word : Words.of(rows.getString(2))) {
						insert.setString(1, word);
						insert.setLong(2, ticketId);
						insert.addBatch();
						if (++pending == BATCH) {
							insert.executeBatch();
							pending = 0;
						}
					}
				}
			}
		}
		return pending;
	}
}
