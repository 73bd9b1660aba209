package org.helpdesk.notification;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Runs delivery every {@code helpdesk.mail.poll-interval} (after the previous run ends) and whenever new mail has
 * been committed. Both run on one thread of its own: a slow SMTP server then never holds up other scheduled work
 * or a request, and one node never sends in two threads at once. Other nodes are kept apart by the claim.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final MailDelivery delivery;

	private final NotificationSettings settings;

	private final AtomicBoolean nudged = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	private volatile boolean running;

	OutboxDispatcher(OutboxStore store, ObjectProvider<JavaMailSender> senders, NotificationSettings settings,
			Clock clock, MailMetrics metrics) {
		JavaMailSender sender = senders.getIfAvailable();
		this.delivery = sender == null ? null : new MailDelivery(store, sender, settings, clock, metrics);
		this.settings = settings;
	}

	@Override
	public void start() {
		running = true;
		if (delivery == null) {
			log.warn("No SMTP server is configured (set spring.mail.host): ticket mail is kept in the outbox "
					+ "and sent once one is.");
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "mail-outbox");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::deliverSafely, 0, settings.pollInterval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** Asks for a run soon. Nudges that arrive while one is already waiting add nothing. */
	void nudge() {
		ExecutorService current = executor;
		if (current == null || !nudged.compareAndSet(false, true)) {
			return;
		}
		try {
			current.execute(() -> {
				nudged.set(false);
				deliverSafely();
			});
		}
		catch (RejectedExecutionException ex) {
			nudged.set(false); // shutting down; the mail stays queued for the next start
		}
	}

	/** A failure must not escape: the executor would silently cancel all further runs. */
	private void deliverSafely() {
		try {
			delivery.deliverDue();
		}
		catch (RuntimeException ex) {
			log.warn("Mail delivery run failed, will try again: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		running = false;
		ScheduledExecutorService current = executor;
		executor = null;
		if (current == null) {
			return;
		}
		current.shutdown();
		try {
			// Lets a batch in flight finish and be recorded as sent, so it is not sent again after a restart.
			current.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
