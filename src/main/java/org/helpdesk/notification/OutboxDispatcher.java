package org.helpdesk.notification;

import java.time.Clock;
import java.time.Duration;

import org.helpdesk.core.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Runs delivery every {@code helpdesk.mail.poll-interval} (after the previous run ends) and whenever new mail has
 * been committed, on a thread of its own (see {@link BackgroundWork}): a slow SMTP server then never holds up other
 * scheduled work or a request, and one node never sends in two threads at once. Other nodes are kept apart by the
 * claim.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final BackgroundWork work;

	private volatile boolean running;

	OutboxDispatcher(OutboxStore store, ObjectProvider<JavaMailSenderImpl> senders, NotificationSettings settings,
			Clock clock, MailMetrics metrics, MailRenderer renderer) {
		JavaMailSenderImpl sender = senders.getIfAvailable();
		MailDelivery delivery = sender == null ? null
				: new MailDelivery(store, sender, settings, clock, metrics, renderer);
		this.work = delivery == null ? null
				: new BackgroundWork("mail-outbox", settings.pollInterval(), delivery::deliverDue);
	}

	@Override
	public void start() {
		running = true;
		if (work == null) {
			log.warn("No SMTP server is configured (set spring.mail.host): ticket mail is kept in the outbox "
					+ "and sent once one is.");
			return;
		}
		work.start();
	}

	/** Asks for a delivery run soon. */
	void nudge() {
		if (work != null) {
			work.nudge();
		}
	}

	@Override
	public void stop() {
		running = false;
		if (work != null) {
			// Lets a batch in flight finish and be recorded as sent, so it is not sent again after a restart.
			work.stop(Duration.ofSeconds(30));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
