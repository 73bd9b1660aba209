package org.helpdesk.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A transaction manager whose commit returns only when the change is in the database file, so that an answered
 * request survives a crash of the process. On the embedded H2 database the commits of concurrent requests share one
 * write ({@link GroupCommit}); H2 itself may then write lazily (its default {@code WRITE_DELAY}), which also lets its
 * background thread compact the file. Other databases (PostgreSQL) are durable on commit already: nothing is added.
 */
class DurableCommits extends JdbcTransactionManager {

	private Optional<GroupCommit> groupCommit = Optional.empty();

	DurableCommits(DataSource dataSource) {
		super(dataSource);
	}

	/** One store serves the whole process: the database the pool opens. */
	@Override
	public void afterPropertiesSet() {
		super.afterPropertiesSet();
		groupCommit = EmbeddedDatabase.fileStore(obtainDataSource()).map(GroupCommit::new);
	}

	/** Only a transaction that changed something waits: reads (most requests' account check) never write. */
	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		boolean wrote = groupCommit.isPresent() && wrote(status);
		super.doCommit(status);
		if (wrote) {
			groupCommit.get().awaitWritten();
		}
	}

	private static boolean wrote(DefaultTransactionStatus status) {
		Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder()
			.getConnection();
		try {
			return !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
					|| session.hasPendingTransaction();
		}
		catch (SQLException e) {
			return true; // when in doubt, wait
		}
	}

}
