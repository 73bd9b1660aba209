package org.helpdesk.restapi;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.Filter;
import org.helpdesk.core.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the JSON API (see {@link RateLimitSettings}): one token bucket per caller, refilled greedily, in the
 * database on PostgreSQL and in memory on the embedded H2 database (see {@link RateBuckets}). The security filter
 * chain of /api/v1 puts {@link #filter()} after authentication, so it knows who is calling; the legacy form-POST API
 * is not counted here (it has its own sign-in throttle).
 */
@Component
public class ApiRateLimits {

	private static final Logger log = LoggerFactory.getLogger(ApiRateLimits.class);

	private final RateLimitSettings settings;

	private final Optional<RateBuckets> buckets;

	ApiRateLimits(RateLimitSettings settings, DataSource dataSource) {
		this.settings = settings;
		this.buckets = settings.enabled() ? Optional.of(buckets(settings, dataSource)) : Optional.empty();
	}

	private static RateBuckets buckets(RateLimitSettings settings, DataSource dataSource) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(settings.burst()).refillGreedy(settings.perMinute(), Duration.ofMinutes(1)))
			.build();
		if (EmbeddedDatabase.ownedByThisProcess(dataSource)) {
			log.info("API rate limits: {} requests per minute, bursts of {}, counted in memory (embedded database)",
					settings.perMinute(), settings.burst());
			Duration refill = Duration.ofMillis(Math.max(1, 60_000 * settings.burst() / settings.perMinute()));
			return RateBuckets.inMemory(configuration, refill);
		}
		log.info("API rate limits: {} requests per minute, bursts of {}, counted in the database across nodes",
				settings.perMinute(), settings.burst());
		return RateBuckets.shared(dataSource, configuration);
	}

	/** The filter that counts each /api/v1 request against its caller's bucket. */
	public Filter filter() {
		return new RateLimitFilter(this);
	}

	long limit() {
		return settings.burst();
	}

	/** Takes one request from the caller's bucket; empty when rate limits are off. */
	Optional<ConsumptionProbe> take(String caller) {
		return buckets.map(b -> b.of(caller).tryConsumeAndReturnRemaining(1));
	}

	int removeIdle() {
		return buckets.map(RateBuckets::removeIdle).orElse(0);
	}
}
