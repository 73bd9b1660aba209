package org.helpdesk.webhook;

import java.time.Clock;

import org.helpdesk.core.ClusterJobs;
import org.helpdesk.core.RetentionWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes finished deliveries (delivered or given up) whose change is older than {@code helpdesk.webhooks.retention},
 * with their attempts (on delete cascade), hourly on one node. A pending delivery is never removed: it is still being
 * tried, or waits behind an older one of its ticket. Without this the delivery log would grow with every change for
 * as long as the helpdesk runs.
 */
@Component
class WebhookRetention extends RetentionWork {

	private static final int CHUNK = 5_000;

	WebhookRetention(JdbcTemplate jdbc, ClusterJobs cluster, Clock clock, WebhookSettings settings) {
		super("webhook-retention", jdbc, cluster, clock, settings::retention,
				"delete from webhook_delivery where id in (select id from webhook_delivery"
						+ " where created < ? and status <> 'pending' order by created limit " + CHUNK + ")",
				CHUNK);
	}
}
