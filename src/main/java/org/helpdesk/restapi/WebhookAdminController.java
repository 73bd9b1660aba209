package org.helpdesk.restapi;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.webhook.NewWebhook;
import org.helpdesk.webhook.WebhookChanges;
import org.helpdesk.webhook.WebhookDelivery;
import org.helpdesk.webhook.WebhookEndpoint;
import org.helpdesk.webhook.WebhookManagement;
import org.helpdesk.webhook.WebhookWithSecret;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints and their deliveries (administrators). {@code events} and {@code queues} left empty mean every
 * kind of change and every queue; the {@code secret} is answered only when it was just made (on creation, or by a
 * PATCH with {@code new_secret: true} or a new {@code secret}).
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookAdminController {

	private final WebhookManagement webhooks;

	WebhookAdminController(WebhookManagement webhooks) {
		this.webhooks = webhooks;
	}

	/** Read with every field optional; on a PATCH what is missing stays as it is. */
	record WebhookRequest(String url, List<String> events, List<Long> queues, String secret, Boolean active,
			Boolean newSecret) {

		NewWebhook command() {
			return new NewWebhook(url, eventSet(), queueSet(), Optional.ofNullable(secret), !Boolean.FALSE.equals(active));
		}

		WebhookChanges changes() {
			return new WebhookChanges(Optional.ofNullable(url), Optional.ofNullable(events).map(e -> eventSet()),
					Optional.ofNullable(queues).map(q -> queueSet()), Optional.ofNullable(active),
					Optional.ofNullable(secret), Boolean.TRUE.equals(newSecret));
		}

		private Set<String> eventSet() {
			if (events == null) {
				return Set.of();
			}
			if (events.stream().anyMatch(Objects::isNull)) {
				throw new InvalidInput("events", "must be a list of kinds of change");
			}
			return new HashSet<>(events);
		}

		private Set<Long> queueSet() {
			if (queues == null) {
				return Set.of();
			}
			if (queues.stream().anyMatch(Objects::isNull)) {
				throw new InvalidInput("queues", "must be a list of queue ids");
			}
			return new HashSet<>(queues);
		}
	}

	record WebhookBody(long id, String url, List<String> events, boolean allEvents, List<Long> queues,
			boolean allQueues, boolean active, Instant failingSince, String disabledReason, Instant created,
			@JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

		static WebhookBody of(WebhookEndpoint e, Optional<String> secret) {
			return new WebhookBody(e.id(), e.url(), e.events().stream().sorted().toList(), e.allEvents(),
					e.queueIds().stream().sorted().toList(), e.allQueues(), e.active(), e.failingSince().orElse(null),
					e.disabledReason().orElse(null), e.created(), secret.orElse(null));
		}

		static WebhookBody of(WebhookWithSecret made) {
			return of(made.endpoint(), made.secret());
		}
	}

	record AttemptBody(Instant at, Integer statusCode, long durationMs, String error) {
	}

	record DeliveryBody(long id, long endpointId, long position, long ticketId, String event, String status,
			int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant created,
			Instant deliveredAt, List<AttemptBody> attemptLog) {

		static DeliveryBody of(WebhookDelivery d) {
			return new DeliveryBody(d.id(), d.endpointId(), d.position(), d.ticketId(), d.event(), d.status(),
					d.attempts(), d.nextAttemptAt(), d.lastStatus().isPresent() ? d.lastStatus().getAsInt() : null,
					d.lastError().orElse(null), d.created(), d.deliveredAt().orElse(null),
					d.attemptLog().stream().map(a -> new AttemptBody(a.at(),
							a.statusCode().isPresent() ? a.statusCode().getAsInt() : null, a.durationMillis(),
							a.error().orElse(null))).toList());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	WebhookBody register(@RequestBody WebhookRequest body) {
		return WebhookBody.of(webhooks.register(body.command()));
	}

	@GetMapping
	List<WebhookBody> list() {
		return webhooks.list().stream().map(e -> WebhookBody.of(e, Optional.empty())).toList();
	}

	@GetMapping("/{id}")
	WebhookBody get(@PathVariable long id) {
		return WebhookBody.of(webhooks.get(id), Optional.empty());
	}

	@PatchMapping("/{id}")
	WebhookBody change(@PathVariable long id, @RequestBody WebhookRequest body) {
		return WebhookBody.of(webhooks.change(id, body.changes()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		webhooks.delete(id);
	}

	@GetMapping("/{id}/deliveries")
	List<DeliveryBody> deliveries(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new InvalidInput("limit", "must be between 1 and 500");
		}
		return webhooks.deliveries(id, limit).stream().map(DeliveryBody::of).toList();
	}

	@PostMapping("/deliveries/{deliveryId}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeliveryBody redeliver(@PathVariable long deliveryId) {
		return DeliveryBody.of(webhooks.redeliver(deliveryId));
	}
}
