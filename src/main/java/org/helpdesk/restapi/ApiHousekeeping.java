package org.helpdesk.restapi;

import java.time.Duration;

import org.helpdesk.core.PeriodicWork;
import org.springframework.stereotype.Component;

/** Removes kept answers of idempotent requests once they are older than {@link Idempotency#KEPT}, every hour. */
@Component
class ApiHousekeeping extends PeriodicWork {

	private final Idempotency idempotency;

	ApiHousekeeping(Idempotency idempotency) {
		super("api-housekeeping", Duration.ofHours(1));
		this.idempotency = idempotency;
	}

	@Override
	protected void run() {
		idempotency.removeExpired();
	}
}
