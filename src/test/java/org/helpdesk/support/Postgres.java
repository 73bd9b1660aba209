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

	/** Creates an empty database and returns its JDBC URL. */
	public static String createDatabase() {
		String name = "helpdesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
			connection.createStatement().execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test database on " + ADMIN_URL, ex);
		}
		return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
	}

	public static String user() {
		return USER;
	}

	public static String password() {
		return PASSWORD;
	}
}
