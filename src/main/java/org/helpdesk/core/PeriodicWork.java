package org.helpdesk.core;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * A component that does its work on a {@link BackgroundWork} thread of its own from the application's start to its
 * stop: every {@code interval} and soon after a {@link #nudge()}. A stop lets a run in flight finish for up to ten
 * seconds.
 */
public abstract class PeriodicWork implements SmartLifecycle {

	private final BackgroundWork work;

	private volatile boolean running;

	protected PeriodicWork(String name, Duration interval) {
		this(name, interval, Duration.ZERO);
	}

	/** Nudged, it runs no sooner than {@code minGap} after its previous run began (see {@link BackgroundWork}). */
	protected PeriodicWork(String name, Duration interval, Duration minGap) {
		this.work = new BackgroundWork(name, interval, minGap, this::run);
	}

	/** One run of the work; a failure is logged and the next run comes as planned. */
	protected abstract void run();

	/** Asks for a run soon. */
	public void nudge() {
		work.nudge();
	}

	@Override
	public void start() {
		running = true;
		work.start();
	}

	@Override
	public void stop() {
		running = false;
		work.stop(Duration.ofSeconds(10));
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
