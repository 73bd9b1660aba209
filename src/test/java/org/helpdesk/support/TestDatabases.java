package org.helpdesk.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a test context at a fresh database: an in-memory H2 one, or a new database on the PostgreSQL server.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/** The helpdesk's SQL dialect on H2, as application.properties sets it. */
	private static final String H2_AS_POSTGRES = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
			+ ";DB_CLOSE_ON_EXIT=FALSE";

	public static void h2(DynamicPropertyRegistry registry) {
		// one name per context, not per read of the property: another node in this JVM must find the same database
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + H2_AS_POSTGRES + ";DB_CLOSE_DELAY=-1";
		registry.add("spring.datasource.url", () -> url);
		h2Account(registry);
	}

	/** H2 on a file in the context's data directory, as the helpdesk runs by default, with {@code settings} added. */
	public static void h2File(DynamicPropertyRegistry registry, String settings) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:${helpdesk.data-dir}/helpdesk" + H2_AS_POSTGRES + settings);
		h2Account(registry);
	}

	private static void h2Account(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> "");
	}

	public static void postgres(DynamicPropertyRegistry registry) {
		String url = Postgres.createDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", Postgres::user);
		registry.add("spring.datasource.password", Postgres::password);
	}
}
