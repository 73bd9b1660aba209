package org.helpdesk.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered.
 *
 * @param enabled whether this node fans changes out and sends deliveries (every node may; they share the work)
 * @param allowPrivateTargets also deliver to loopback, private, link-local and metadata addresses (for tests and
 *     receivers inside the company network); off, such targets are refused when registered and when sent to
 * @param connectTimeout how long a receiver may take to accept the connection
 * @param readTimeout how long a receiver may take to answer once the request is sent
 * @param retryBase the wait after the first failed attempt; it doubles with every further one (with jitter)
 * @param retryMax the longest wait between two attempts
 * @param retryFor how long after its change a delivery is still tried; then it is given up ({@code failed})
 * @param disableAfter an endpoint whose every attempt failed for this long is disabled, and administrators are mailed
 * @param poolSize endpoints one node sends to at the same time (one delivery at a time per endpoint)
 * @param attemptsKept the attempts kept per delivery (the newest)
 * @param pollInterval how often a node looks for due deliveries (new changes wake it at once)
 * @param lease how long a node owns an endpoint's sending before another node may take over
 * @param retention how long a finished delivery (delivered or given up) and its attempts are kept; then
 *     {@link WebhookRetention} removes them
 */
@ConfigurationProperties("helpdesk.webhooks")
public record WebhookSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("false") boolean allowPrivateTargets,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("10s") Duration retryBase, @DefaultValue("1h") Duration retryMax,
		@DefaultValue("24h") Duration retryFor, @DefaultValue("24h") Duration disableAfter,
		@DefaultValue("4") int poolSize, @DefaultValue("20") int attemptsKept, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("2m") Duration lease, @DefaultValue("30d") Duration retention) {
}
