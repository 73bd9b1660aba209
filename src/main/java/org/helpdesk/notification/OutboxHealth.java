package org.helpdesk.notification;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The outbox as a health component ({@code outbox}) that is always UP: mail waits in the outbox while SMTP is
 * away and is delivered when it is back, so an SMTP outage must not make a load balancer pull a healthy node.
 * Boot's own mail indicator, which goes DOWN with the SMTP server, is switched off
 * ({@code management.health.mail.enabled=false}); how much mail is waiting is shown here and in the
 * {@code helpdesk_mail_*} metrics.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

	private final OutboxStore store;

	OutboxHealth(OutboxStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		try {
			return Health.up().withDetail("queued", store.countQueued()).build();
		}
		catch (DataAccessException databaseAway) {
			// the db component reports the database; this one stays out of the verdict
			return Health.up().withDetail("queued", "unknown").build();
		}
	}
}
