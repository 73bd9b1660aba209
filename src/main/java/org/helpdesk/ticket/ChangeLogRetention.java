package org.helpdesk.ticket;

import java.time.Clock;

import org.helpdesk.core.ClusterJobs;
import org.helpdesk.core.RetentionWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes sequenced rows of the {@link ChangeLog} older than the retention ({@link ChangeLogSettings}), hourly on one
 * node. Rows still waiting for a position are never removed.
 */
@Component
class ChangeLogRetention extends RetentionWork {

	private static final int CHUNK = 10_000;

	ChangeLogRetention(JdbcTemplate jdbc, ClusterJobs cluster, Clock clock, ChangeLogSettings settings) {
		super("change-log-retention", jdbc, cluster, clock, settings::retention,
				"delete from ticket_log where id in (select id from ticket_log where position is not null"
						+ " and occurred < ? order by position limit " + CHUNK + ")",
				CHUNK);
	}
}
