package org.helpdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away database on the local PostgreSQL server for each test context.
 * The server is {@code HELPDESK_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres},
 * user {@code postgres}, trust authentication).
 */
public final class Postgres {

	static final String ADMIN_URL = System.getenv().getOrDefault("HELPDESK_TEST_POSTGRES_URL",
			"jdbc:postgresql://127.0.0.1:5432/postgres");

	static final String USER = System.getenv().getOrDefault("HELPDESK_TEST_POSTGRES_USER", "postgres");

	static final String PASSWORD = System.getenv().getOrDefault("HELPDESK_TEST_POSTGRES_PASSWORD", "");

	private static Boolean available;

	private Postgres() {
	}

	static synchronized boolean available() {
		if (available == null) {
			try (Connection ignored = DriverManager.getConnection(ADMIN_URL + "?connectTimeout=3", USER, PASSWORD)) {
				available = true;
			}
			catch (SQLException ex) {
				available = false;
			}
		}
		return available;
	}

	private static boolean cleaned;

	/** Creates an empty database and returns its JDBC URL. */
	public static synchronized String createDatabase() {
		long now = System.currentTimeMillis() / 1000;
		String name = "helpdesk_test_" + now + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
			if (!cleaned) {
				dropOldDatabases(connection, now - 3600);
				cleaned = true;
			}
			connection.createStatement().execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test database on " + ADMIN_URL, ex);
		}
		return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
	}

	/** Test databases of earlier runs (over an hour old) would pile up on the server; remove them. */
	private static void dropOldDatabases(Connection connection, long before) throws SQLException {
		var old = new java.util.ArrayList<String>();
		try (var rs = connection.createStatement()
			.executeQuery("select datname from pg_database where datname like 'helpdesk\\_test\\_%'")) {
			while (rs.next()) {
				String[] parts = rs.getString(1).split("_");
				if (parts.length == 4 && parts[2].matches("\\d+") && Long.parseLong(parts[2]) < before) {
					old.add(rs.getString(1));
				}
				else if (parts.length == 3) {
					old.add(rs.getString(1));
				}
			}
		}
		for (String name : old) {
			try {
				connection.createStatement().execute("drop database if exists " + name);
			}
			catch (SQLException inUse) {
				// still used by a test run elsewhere; a later run removes it
			}
		}
	}

	public static String user() {
		return USER;
	}

	public static String password() {
		return PASSWORD;
	}
}
