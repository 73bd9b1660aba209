package org.helpdesk.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.helpdesk.core.AfterCommit;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.ChangeLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, changing and removing webhook endpoints, and looking at and redelivering their deliveries. Every
 * rule on what an endpoint may be is checked here, for the admin page and the JSON API alike.
 */
@Service
public class WebhookManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final QueueManagement queues;

	private final ChangeLog changeLog;

	private final WebhookSettings settings;

	private final DeliveryDispatcher dispatcher;

	private final JdbcClient jdbc;

	WebhookManagement(Endpoints endpoints, Deliveries deliveries, QueueManagement queues, ChangeLog changeLog,
			WebhookSettings settings, DeliveryDispatcher dispatcher, JdbcClient jdbc) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.queues = queues;
		this.changeLog = changeLog;
		this.settings = settings;
		this.dispatcher = dispatcher;
		this.jdbc = jdbc;
	}

	/**
	 * Registers an endpoint; it receives the changes made from now on. Holds the fan-out's lock meanwhile, so the
	 * fan-out either sees the endpoint or has passed every change before it.
	 */
	@Transactional
	public WebhookWithSecret register(NewWebhook request) {
		String url = Targets.check(request.url(), settings.allowPrivateTargets()).toString();
		Set<String> events = EventKinds.check(request.events());
		Set<Long> queueIds = checkQueues(request.queueIds());
		String secret = request.secret().map(WebhookManagement::checkSecret).orElseGet(WebhookManagement::newSecret);
		jdbc.sql("select position from webhook_fanout where id = 1 for update").query(Long.class).single();
		long id = endpoints.insert(url, events, queueIds, secret, request.active(), changeLog.head());
		return new WebhookWithSecret(get(id), Optional.of(secret));
	}

	public List<WebhookEndpoint> list() {
		return endpoints.list();
	}

	public WebhookEndpoint get(long id) {
		return endpoints.find(id).orElseThrow(() -> new WebhookNotFound("endpoint", id));
	}

	@Transactional
	public WebhookWithSecret change(long id, WebhookChanges changes) {
		if (!endpoints.lock(id)) {
			throw new WebhookNotFound("endpoint", id);
		}
		WebhookEndpoint current = get(id);
		String url = changes.url().map(u -> Targets.check(u, settings.allowPrivateTargets()).toString())
			.orElse(current.url());
		Set<String> events = changes.events().map(EventKinds::check).orElse(current.allEvents() ? Set.of() : current.events());
		Set<Long> queueIds = changes.queueIds().map(this::checkQueues)
			.orElse(current.allQueues() ? Set.of() : current.queueIds());
		Optional<String> secret = changes.secret().map(WebhookManagement::checkSecret)
			.or(() -> changes.newSecret() ? Optional.of(newSecret()) : Optional.empty());
		endpoints.update(id, url, events, queueIds, changes.active().orElse(current.active()));
		secret.ifPresent(s -> endpoints.setSecret(id, s));
		if (changes.active().orElse(false)) {
			AfterCommit.run(dispatcher::nudge);
		}
		return new WebhookWithSecret(get(id), secret);
	}

	@Transactional
	public void delete(long id) {
		if (endpoints.delete(id) == 0) {
			throw new WebhookNotFound("endpoint", id);
		}
	}

	/** The endpoint's newest deliveries, newest first, at most {@code limit}. */
	public List<WebhookDelivery> deliveries(long endpointId, int limit) {
		get(endpointId);
		return deliveries.newest(endpointId, Math.max(1, Math.min(limit, 500)));
	}

	public WebhookDelivery delivery(long id) {
		return deliveries.find(id).orElseThrow(() -> new WebhookNotFound("delivery", id));
	}

	/**
	 * Sends a delivery again, with the same id (receivers that saw it may drop it), whatever became of it: it is
	 * pending again with a fresh retry window, and goes out in its turn among the deliveries of its ticket. An
	 * inactive endpoint's delivery waits until the endpoint is enabled.
	 */
	@Transactional
	public WebhookDelivery redeliver(long deliveryId) {
		if (!deliveries.requeue(deliveryId, settings.retryFor())) {
			throw new WebhookNotFound("delivery", deliveryId);
		}
		AfterCommit.run(dispatcher::nudge);
		return delivery(deliveryId);
	}

	private Set<Long> checkQueues(Set<Long> ids) {
		Set<Long> known = new java.util.HashSet<>(queues.list().stream().map(Queue::id).toList());
		for (Long id : ids) {
			if (id == null || !known.contains(id)) {
				throw new InvalidInput("queues", "must be ids of existing queues");
			}
		}
		return ids;
	}

	private static String checkSecret(String secret) {
		if (secret.length() < 16 || secret.length() > 200 || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)
				|| Input.isDamaged(secret)) {
			throw new InvalidInput("secret", "must be 16 to 200 printable ASCII characters without spaces");
		}
		return secret;
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
