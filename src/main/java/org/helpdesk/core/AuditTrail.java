package org.helpdesk.core;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records who deleted or changed what, in the transaction of the change itself.
 */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(Long actorId, String actor, String action, String target, String detail) {
		jdbc.sql("insert into audit_log (occurred, actor_id, actor, action, target, detail) values (?, ?, ?, ?, ?, ?)")
			.params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), actorId, actor, action,
					truncate(target, 250), truncate(detail, 2000))
			.update();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
