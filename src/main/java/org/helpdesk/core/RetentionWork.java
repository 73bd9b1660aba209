package org.helpdesk.core;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Removes rows older than a retention, once an hour on one node of the cluster, a chunk per statement so that no
 * transaction grows with the backlog. A subclass names the work and gives the statement: a {@code delete} whose one
 * parameter is the cutoff time and which removes at most {@code chunk} rows.
 */
public abstract class RetentionWork extends PeriodicWork {

	private final String name;

	private final JdbcTemplate jdbc;

	private final ClusterJobs cluster;

	private final Clock clock;

	private final Supplier<Duration> retention;

	private final String deleteChunk;

	private final int chunk;

	protected RetentionWork(String name, JdbcTemplate jdbc, ClusterJobs cluster, Clock clock,
			Supplier<Duration> retention, String deleteChunk, int chunk) {
		super(name, Duration.ofHours(1));
		this.name = name;
		this.jdbc = jdbc;
		this.cluster = cluster;
		this.clock = clock;
		this.retention = retention;
		this.deleteChunk = deleteChunk;
		this.chunk = chunk;
	}

	@Override
	protected void run() {
		cluster.runOnce(name, Duration.ofMinutes(30), Duration.ofMinutes(5), this::removeOld);
	}

	/** Removes what is older than the retention; answers how many rows. */
	public int removeOld() {
		Object cutoff = Timestamps.toDb(clock.instant().minus(retention.get()));
		int total = 0;
		int removed;
		do {
			removed = jdbc.update(deleteChunk, cutoff);
			total += removed;
		}
		while (removed == chunk);
		return total;
	}
}
