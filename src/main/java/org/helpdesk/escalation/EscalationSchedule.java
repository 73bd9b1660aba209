package org.helpdesk.escalation;

import java.time.Duration;

import org.helpdesk.core.BackgroundWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs an escalation cycle every {@code helpdesk.escalation.interval} on a thread of its own, when
 * {@code helpdesk.escalation.enabled}; of all nodes, one runs each cycle (see {@link Escalation#runOnceAcrossNodes}).
 */
@Component
class EscalationSchedule implements SmartLifecycle {

	private final BackgroundWork work;

	private volatile boolean running;

	EscalationSchedule(Escalation escalation, EscalationSettings settings) {
		this.work = settings.enabled()
				? new BackgroundWork("escalation", settings.interval(), escalation::runOnceAcrossNodes) : null;
	}

	@Override
	public void start() {
		running = true;
		if (work != null) {
			work.start();
		}
	}

	@Override
	public void stop() {
		running = false;
		if (work != null) {
			work.stop(Duration.ofSeconds(30));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
