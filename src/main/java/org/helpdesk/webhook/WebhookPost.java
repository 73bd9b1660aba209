package org.helpdesk.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.helpdesk.core.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * One attempt to deliver: the signed POST, with the connect and read timeouts, no redirects followed. The target is
 * checked again after DNS before every attempt; the JDK then connects to the address the check resolved (its
 * resolver cache holds the answer). A receiver that answers slowly, not at all, or with an endless body costs at
 * most the timeouts.
 */
@Component
class WebhookPost {

	private final HttpClient http;

	private final WebhookSettings settings;

	private final Clock clock;

	WebhookPost(WebhookSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newCachedThreadPool(task -> {
				Thread thread = new Thread(task, "webhook-http");
				thread.setDaemon(true);
				return thread;
			}))
			.build();
	}

	AttemptOutcome send(Endpoints.Target target, PendingDelivery delivery) {
		Instant at = clock.instant();
		long started = System.nanoTime();
		URI uri;
		try {
			uri = Targets.parse(target.url());
			Targets.resolve(uri, settings.allowPrivateTargets());
		}
		catch (InvalidInput refused) {
			return AttemptOutcome.failed(delivery, at, millisSince(started), "refused: url "
					+ refused.problems().get(0).reason());
		}
		byte[] body = Payloads.body(delivery);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(settings.readTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Helpdesk-Webhooks/1")
			.header("Helpdesk-Signature", Signatures.header(target.secret(), at.getEpochSecond(), body))
			.header("Helpdesk-Delivery", String.valueOf(delivery.id()))
			.header("Helpdesk-Event", delivery.event())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
		try {
			// a hard stop besides the client's own timeouts, which do not cover reading the answer's body
			Duration limit = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(1);
			HttpResponse<Void> response = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
			return AttemptOutcome.answered(delivery, at, response.statusCode(), millisSince(started));
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			return AttemptOutcome.failed(delivery, at, millisSince(started), "timed out");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			String reason = cause instanceof java.net.http.HttpTimeoutException ? "timed out" : cause.toString();
			return AttemptOutcome.failed(delivery, at, millisSince(started), reason);
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			return AttemptOutcome.failed(delivery, at, millisSince(started), "interrupted (the node is stopping)");
		}
	}

	private static long millisSince(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}
}
