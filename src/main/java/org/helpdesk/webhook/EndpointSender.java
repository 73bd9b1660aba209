package org.helpdesk.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due deliveries of one endpoint whose lease this node holds, one after another: batch after batch of
 * the deliveries first in line for their tickets, each batch's outcomes recorded in one transaction. A batch stops
 * at the first failure (the receiver is likely down; the others wait for their own next attempt), and sending stops
 * before the lease could run out mid-attempt.
 */
@Component
class EndpointSender {

	/** Deliveries read and sent per round. */
	static final int BATCH = 50;

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final EndpointHealth health;

	private final WebhookPost post;

	private final WebhookSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EndpointSender(Endpoints endpoints, Deliveries deliveries, EndpointHealth health, WebhookPost post,
			WebhookSettings settings, TransactionTemplate transactions, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.health = health;
		this.post = post;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sends until nothing is due, the endpoint is disabled, the lease nears its end or the node stops. */
	void sendDue(long endpointId, Instant leaseEnd, BooleanSupplier stopping) {
		Duration attemptAtMost = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(2);
		while (!stopping.getAsBoolean()) {
			Optional<Endpoints.Target> target = endpoints.target(endpointId);
			List<PendingDelivery> batch = target.isEmpty() ? List.of() : deliveries.dueHeads(endpointId, BATCH);
			if (batch.isEmpty()) {
				return;
			}
			List<AttemptOutcome> outcomes = new ArrayList<>();
			for (PendingDelivery delivery : batch) {
				if (stopping.getAsBoolean() || clock.instant().plus(attemptAtMost).isAfter(leaseEnd)) {
					break;
				}
				AttemptOutcome outcome = post.send(target.get(), delivery);
				outcomes.add(outcome);
				if (!outcome.succeeded()) {
					break;
				}
			}
			boolean goOn = record(endpointId, outcomes);
			if (!goOn || outcomes.size() < batch.size()) {
				return;
			}
		}
	}

	/** Answers whether to go on sending to this endpoint. */
	private boolean record(long endpointId, List<AttemptOutcome> outcomes) {
		if (outcomes.isEmpty()) {
			return false;
		}
		return Boolean.TRUE.equals(transactions.execute(status -> {
			boolean anySuccess = false;
			AttemptOutcome failure = null;
			for (AttemptOutcome outcome : outcomes) {
				int failed = outcome.delivery().attempts() + 1;
				Instant next = outcome.at().plus(Backoff.after(failed, settings.retryBase(), settings.retryMax()));
				deliveries.record(outcome, next, settings.attemptsKept());
				if (outcome.succeeded()) {
					anySuccess = true;
				}
				else {
					failure = outcome;
				}
			}
			if (anySuccess) {
				health.succeeded(endpointId);
			}
			if (failure != null) {
				health.failed(endpointId, failure.at(), failure.error().orElse(""));
				return false;
			}
			return true;
		}));
	}
}
