package org.helpdesk.restapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits of the JSON API, one token bucket per caller: per token, per account (HTTP Basic or a page session),
 * per client address for requests without credentials.
 * @param enabled whether requests are counted at all (benchmarks turn it off)
 * @param perMinute requests per minute a caller may make in the long run (the bucket's refill)
 * @param burst requests a rested caller may make at once (the bucket's size, sent as {@code RateLimit-Limit})
 */
@ConfigurationProperties("helpdesk.api.rate-limit")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("600") long perMinute,
		@DefaultValue("600") long burst) {

	public RateLimitSettings {
		if (perMinute < 1 || burst < 1) {
			throw new IllegalArgumentException("helpdesk.api.rate-limit.per-minute and .burst must be at least 1");
		}
	}
}
