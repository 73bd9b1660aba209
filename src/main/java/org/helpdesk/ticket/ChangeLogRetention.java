package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Duration;

import org.helpdesk.core.PeriodicWork;
import org.helpdesk.core.ClusterJobs;
import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes sequenced rows of the {@link ChangeLog} older than the retention ({@link ChangeLogSettings}), a chunk per
 * statement, once an hour on one node. Rows still waiting for a position are never removed.
 */
@Component
class ChangeLogRetention extends PeriodicWork {

	static final Duration INTERVAL = Duration.ofHours(1);

	private static final int CHUNK = 10_000;

	private final JdbcTemplate jdbc;

	private final ClusterJobs cluster;

	private final Clock clock;

	private final ChangeLogSettings settings;

	ChangeLogRetention(JdbcTemplate jdbc, ClusterJobs cluster, Clock clock, ChangeLogSettings settings) {
		super("change-log-retention", INTERVAL);
		this.jdbc = jdbc;
		this.cluster = cluster;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	protected void run() {
		cluster.runOnce("change-log-retention", Duration.ofMinutes(30), Duration.ofMinutes(5), this::removeOld);
	}

	/** Removes what is older than the retention; answers how many rows. */
	int removeOld() {
		Object cutoff = Timestamps.toDb(clock.instant().minus(settings.retention()));
		int total = 0;
		int removed;
		do {
			removed = jdbc.update("delete from ticket_log where id in (select id from ticket_log where position is not null"
					+ " and occurred < ? order by position limit " + CHUNK + ")", cutoff);
			total += removed;
		}
		while (removed == CHUNK);
		return total;
	}
}
