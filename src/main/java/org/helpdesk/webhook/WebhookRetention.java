package org.helpdesk.webhook;

import java.time.Clock;
import java.time.Duration;

import org.helpdesk.core.ClusterJobs;
import org.helpdesk.core.PeriodicWork;
import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes finished deliveries (delivered or given up) whose change is older than {@code helpdesk.webhooks.retention},
 * with their attempts, a chunk per statement, once an hour on one node. A pending delivery is never removed: it is
 * still being tried, or waits behind an older one of its ticket. Without this the delivery log would grow with every
 * change for as long as the helpdesk runs.
 */
@Component
class WebhookRetention extends PeriodicWork {

	private static final int CHUNK = 5_000;

	private final JdbcTemplate jdbc;

	private final ClusterJobs cluster;

	private final Clock clock;

	private final WebhookSettings settings;

	WebhookRetention(JdbcTemplate jdbc, ClusterJobs cluster, Clock clock, WebhookSettings settings) {
		super("webhook-retention", Duration.ofHours(1));
		this.jdbc = jdbc;
		this.cluster = cluster;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	protected void run() {
		cluster.runOnce("webhook-retention", Duration.ofMinutes(30), Duration.ofMinutes(5), this::removeOld);
	}

	/** Removes the finished deliveries older than the retention; answers how many. */
	int removeOld() {
		Object cutoff = Timestamps.toDb(clock.instant().minus(settings.retention()));
		int total = 0;
		int removed;
		do {
			// attempts go with their delivery (on delete cascade)
			removed = jdbc.update("delete from webhook_delivery where id in (select id from webhook_delivery"
					+ " where created < ? and status <> 'pending' order by created limit " + CHUNK + ")", cutoff);
			total += removed;
		}
		while (removed == CHUNK);
		return total;
	}
}
