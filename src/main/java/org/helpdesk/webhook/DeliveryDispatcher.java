package org.helpdesk.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.helpdesk.core.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands endpoints with due deliveries to a small pool of sending threads, one thread per endpoint, so a slow or dead
 * receiver holds up only its own deliveries and never a request. An endpoint is leased in the database for the time
 * its thread sends, so across all nodes one thread at a time sends to it, in order. Looks every poll interval and
 * when new deliveries or a redelivery have committed.
 */
@Component
class DeliveryDispatcher extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final EndpointSender sender;

	private final Deliveries deliveries;

	private final TransactionTemplate transactions;

	private final WebhookSettings settings;

	private final Clock clock;

	private final Set<Long> busy = ConcurrentHashMap.newKeySet();

	private volatile ExecutorService pool;

	private volatile boolean stopping;

	DeliveryDispatcher(EndpointSender sender, Deliveries deliveries, TransactionTemplate transactions,
			WebhookSettings settings, Clock clock) {
		super("webhook-dispatch", settings.pollInterval());
		this.sender = sender;
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!settings.enabled()) {
			return;
		}
		stopping = false;
		AtomicInteger threads = new AtomicInteger();
		pool = Executors.newFixedThreadPool(settings.poolSize(), task -> {
			Thread thread = new Thread(task, "webhook-send-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		super.start();
	}

	@Override
	public void stop() {
		stopping = true;
		super.stop();
		ExecutorService current = pool;
		if (current == null) {
			return;
		}
		current.shutdown();
		try {
			// an attempt in flight ends within its timeouts; its outcome is recorded, its lease given back
			Duration grace = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(5);
			current.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	protected void run() {
		int free = settings.poolSize() - busy.size();
		if (stopping || free <= 0) {
			return;
		}
		Instant until = clock.instant().plus(settings.lease()).truncatedTo(ChronoUnit.MILLIS);
		List<Long> leased = transactions.execute(status -> deliveries.leaseDueEndpoints(free, until));
		for (Long endpointId : leased == null ? List.<Long>of() : leased) {
			busy.add(endpointId);
			pool.execute(() -> sendAndRelease(endpointId, until));
		}
	}

	private void sendAndRelease(long endpointId, Instant until) {
		try {
			sender.sendDue(endpointId, until, () -> stopping);
		}
		catch (RuntimeException ex) {
			log.warn("webhook-send: endpoint {} failed, will try again: {}", endpointId, ex.toString());
		}
		finally {
			try {
				transactions.executeWithoutResult(status -> deliveries.releaseLease(endpointId, until));
			}
			catch (RuntimeException ex) {
				log.warn("webhook-send: could not give back the lease of endpoint {}: {}", endpointId, ex.toString());
			}
			busy.remove(endpointId);
			if (!stopping) {
				nudge(); // more may be due, on this endpoint or another one that waited for a free thread
			}
		}
	}
}
