package org.helpdesk.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moves instants in and out of {@code timestamp with time zone} columns the same way on H2 and PostgreSQL.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static OffsetDateTime toDb(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant fromDb(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
