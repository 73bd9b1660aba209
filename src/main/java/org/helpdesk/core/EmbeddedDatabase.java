package org.helpdesk.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the code needs to know about the embedded H2 database: it lives inside this process (so no other node can
 * share it), and, when it is a file, the store whose writes make commits durable.
 */
public final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private EmbeddedDatabase() {
	}

	/** Whether the pool opens an H2 database inside this process (a file or in memory), which no other node shares. */
	public static boolean ownedByThisProcess(DataSource dataSource) {
		return session(dataSource).isPresent();
	}

	/**
	 * Whether the pool opens an H2 file database in this process that no other process can open meanwhile. H2 locks
	 * the file for the one process that opens it, so a lease or claim that this process finds in it when it starts was
	 * left by an earlier run of the helpdesk, which is gone (killed, most likely): it can be released at once instead
	 * of running out. Not so when the URL lets other processes in ({@code AUTO_SERVER=TRUE}, {@code FILE_LOCK=NO}), nor
	 * for an in-memory database, which several application contexts of one JVM (tests) may share as nodes.
	 */
	public static boolean heldByThisProcessAlone(DataSource dataSource) {
		return fileStore(dataSource).isPresent() && !sharedByUrl(dataSource);
	}

	/**
	 * Runs {@code release} (an update that gives up a module's leases or claims on its own table) when the database is
	 * {@link #heldByThisProcessAlone this process's alone}, and logs how many it gave up as {@code what}. Called once,
	 * after the migrations and before the module's work starts.
	 */
	public static void releaseLeftovers(DataSource dataSource, String what, IntSupplier release) {
		if (!heldByThisProcessAlone(dataSource)) {
			return;
		}
		int released = release.getAsInt();
		if (released > 0) {
			log.info("Released {} {} left by the previous run of this helpdesk", released, what);
		}
	}

	private static boolean sharedByUrl(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String url = connection.getMetaData().getURL().toUpperCase(Locale.ROOT).replace(" ", "");
			return url.contains(";AUTO_SERVER=TRUE") || url.contains(";FILE_LOCK=NO");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot read the database URL", e);
		}
	}

	/** The H2 store of an embedded file database; empty for PostgreSQL and for an in-memory database. */
	static Optional<MVStore> fileStore(DataSource dataSource) {
		return session(dataSource).map(session -> session.getDatabase().getStore().getMvStore())
			.filter(store -> store.getFileStore() != null);
	}

	private static Optional<SessionLocal> session(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			if (connection.isWrapperFor(JdbcConnection.class)
					&& connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
				return Optional.of(session);
			}
			return Optional.empty();
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot tell which database the pool opens", e);
		}
	}
}
