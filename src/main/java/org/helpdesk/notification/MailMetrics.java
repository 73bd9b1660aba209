package org.helpdesk.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What operators watch: mail sent, retried and given up on, and how much is waiting.
 */
@Component
class MailMetrics {

	private final Counter sent;

	private final Counter retried;

	private final Counter failed;

	MailMetrics(MeterRegistry registry, OutboxStore store) {
		this.sent = Counter.builder("helpdesk.mail.sent").description("Mails accepted by the SMTP server")
			.register(registry);
		this.retried = Counter.builder("helpdesk.mail.retried").description("Delivery attempts that will be retried")
			.register(registry);
		this.failed = Counter.builder("helpdesk.mail.failed")
			.description("Mails given up on after repeated permanent rejections")
			.register(registry);
		Gauge.builder("helpdesk.mail.queued", store, MailMetrics::queued)
			.description("Mails waiting in the outbox")
			.register(registry);
	}

	void sent(int mails) {
		sent.increment(mails);
	}

	void retried() {
		retried.increment();
	}

	void failed() {
		failed.increment();
	}

	/** A scrape must not fail because the database is briefly away; the gauge shows no value instead. */
	private static double queued(OutboxStore store) {
		try {
			return store.countQueued();
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}
}
