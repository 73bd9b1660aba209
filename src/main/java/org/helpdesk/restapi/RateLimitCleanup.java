package org.helpdesk.restapi;

import java.time.Duration;

import org.helpdesk.core.PeriodicWork;
import org.springframework.stereotype.Component;

/**
 * Removes the rows of rate-limit buckets that have been full for a minute, every minute on every node (Bucket4j skips
 * rows another node has locked). Nothing to do when the buckets are in memory.
 */
@Component
class RateLimitCleanup extends PeriodicWork {

	private final ApiRateLimits limits;

	RateLimitCleanup(ApiRateLimits limits) {
		super("api-rate-limit-cleanup", Duration.ofMinutes(1));
		this.limits = limits;
	}

	@Override
	protected void run() {
		limits.removeIdle();
	}
}
