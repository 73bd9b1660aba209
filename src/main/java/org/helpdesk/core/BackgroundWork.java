package org.helpdesk.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a node does on a thread of its own: every {@code interval} (after the previous run ends) and soon after a
 * {@link #nudge()}. One thread, so the work never runs twice at once on a node (other nodes are kept apart by
 * claiming rows), and a slow run never holds up a request or other scheduled work. With a {@code minGap}, a nudge
 * runs the work no sooner than that long after the previous run began, so that under load one run takes in what many
 * nudges announced (the search index writes one segment for them instead of one each).
 */
public final class BackgroundWork {

	private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

	private final String name;

	private final Duration interval;

	private final Runnable work;

	private final long minGapNanos;

	private final AtomicBoolean nudged = new AtomicBoolean();

	private volatile long lastStart = System.nanoTime();

	private volatile ScheduledExecutorService executor;

	public BackgroundWork(String name, Duration interval, Runnable work) {
		this(name, interval, Duration.ZERO, work);
	}

	public BackgroundWork(String name, Duration interval, Duration minGap, Runnable work) {
		this.name = name;
		this.interval = interval;
		this.minGapNanos = minGap.toNanos();
		this.work = work;
	}

	public void start() {
		executor = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Asks for a run soon. Nudges that arrive while one is already waiting add nothing. */
	public void nudge() {
		ScheduledExecutorService current = executor;
		if (current == null || !nudged.compareAndSet(false, true)) {
			return;
		}
		long wait = minGapNanos - (System.nanoTime() - lastStart);
		try {
			current.schedule(() -> {
				nudged.set(false);
				runSafely();
			}, Math.max(0, wait), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			nudged.set(false); // shutting down; what is left waits for the next start
		}
	}

	/** Lets a run in flight finish (up to {@code grace}), then stops. */
	public void stop(Duration grace) {
		ScheduledExecutorService current = executor;
		executor = null;
		if (current == null) {
			return;
		}
		current.shutdown();
		try {
			current.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A failure must not escape: the executor would silently cancel all further runs. */
	private void runSafely() {
		lastStart = System.nanoTime();
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			log.warn("{}: run failed, will try again: {}", name, ex.toString());
		}
	}
}
