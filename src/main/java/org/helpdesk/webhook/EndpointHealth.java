package org.helpdesk.webhook;

import java.time.Instant;

import org.helpdesk.core.Timestamps;
import org.helpdesk.notification.AdministratorMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether an endpoint is failing, and for how long: a success ends a failing spell, and an endpoint whose every
 * attempt failed for {@link WebhookSettings#disableAfter()} is disabled, with a mail to the administrators queued in
 * the same transaction.
 */
@Component
class EndpointHealth {

	private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);

	private final JdbcClient jdbc;

	private final AdministratorMail mail;

	private final WebhookSettings settings;

	EndpointHealth(JdbcClient jdbc, AdministratorMail mail, WebhookSettings settings) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.settings = settings;
	}

	void succeeded(long endpointId) {
		jdbc.sql("update webhook_endpoint set failing_since = null where id = ? and failing_since is not null")
			.param(endpointId).update();
	}

	/** Answers whether the endpoint is now disabled. */
	boolean failed(long endpointId, Instant at, String error) {
		jdbc.sql("update webhook_endpoint set failing_since = ? where id = ? and failing_since is null")
			.params(Timestamps.toDb(at), endpointId).update();
		var since = jdbc.sql("select url, failing_since from webhook_endpoint where id = ? and active").param(endpointId)
			.query((rs, n) -> new Failing(rs.getString("url"), Timestamps.fromDb(rs, "failing_since"))).optional();
		if (since.isEmpty() || at.isBefore(since.get().since().plus(settings.disableAfter()))) {
			return false;
		}
		String reason = "every attempt failed since " + since.get().since() + "; last: " + error;
		int disabled = jdbc.sql("update webhook_endpoint set active = false, disabled_reason = ? where id = ? and active")
			.params(reason.length() <= 400 ? reason : reason.substring(0, 400), endpointId).update();
		if (disabled == 1) {
			int mailed = mail.webhookDisabled(endpointId, since.get().url(), since.get().since().toString(), error);
			log.warn("Webhook endpoint {} disabled: {}; {} administrators mailed", endpointId, reason, mailed);
		}
		return true;
	}

	private record Failing(String url, Instant since) {
	}
}
