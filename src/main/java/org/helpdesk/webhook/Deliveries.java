package org.helpdesk.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import javax.sql.DataSource;

import org.helpdesk.core.EmbeddedDatabase;
import org.helpdesk.core.Timestamps;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook_delivery} and {@code webhook_attempt} tables, and the leases that let one node at a time send
 * an endpoint's deliveries.
 */
@Component
class Deliveries implements SmartInitializingSingleton {

	/** Endpoints with a due delivery first in line for its ticket (see {@link #DUE_HEADS}) that no node sends to. */
	private static final String DUE_ENDPOINTS = """
			select e.id from webhook_endpoint e
			where e.active and (e.lease_until is null or e.lease_until < :now)
			  and exists (select 1 from webhook_delivery d
			              where d.endpoint_id = e.id and d.status = 'pending' and d.next_attempt_at <= :now
			                and not exists (select 1 from webhook_delivery o
			                                where o.endpoint_id = d.endpoint_id and o.ticket_id = d.ticket_id
			                                  and o.status = 'pending' and o.position < d.position))
			order by e.id limit :limit""";

	/**
	 * The due deliveries of an endpoint that are first in line for their ticket: a delivery waits while an older
	 * one of the same ticket to the same endpoint is pending, so each ticket's changes arrive in order. Ordered by
	 * the columns of {@code webhook_delivery_pending}, which with endpoint and status fixed is the order by position
	 * and lets H2 read that index in order and stop at the limit instead of sorting every pending delivery.
	 */
	private static final String DUE_HEADS = """
			select d.id, d.endpoint_id, d.position, d.ticket_id, d.queue_id, d.event, d.actor_id, d.occurred, d.fields,
			    d.attempts, d.retry_until
			from webhook_delivery d
			where d.endpoint_id = :endpoint and d.status = 'pending' and d.next_attempt_at <= :now
			  and not exists (select 1 from webhook_delivery o
			                  where o.endpoint_id = d.endpoint_id and o.ticket_id = d.ticket_id and o.status = 'pending'
			                    and o.position < d.position)
			order by d.endpoint_id, d.status, d.position limit :limit""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	/** Locked with SKIP LOCKED where nodes share the database; the embedded H2 one belongs to this process alone. */
	private final String dueEndpoints;

	private final DataSource dataSource;

	Deliveries(JdbcClient jdbc, JdbcTemplate batch, Clock clock, DataSource dataSource) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
		this.dueEndpoints = EmbeddedDatabase.ownedByThisProcess(dataSource) ? DUE_ENDPOINTS
				: DUE_ENDPOINTS + " for update of e skip locked";
		this.dataSource = dataSource;
	}

	/**
	 * On the embedded file database every endpoint lease found when the application has started was held by an earlier
	 * run of this process, now gone (killed while it was sending): given up once, before any delivery, so that its
	 * deliveries go on at once rather than when the lease runs out.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		EmbeddedDatabase.releaseLeftovers(dataSource, "webhook endpoint lease(s)",
				() -> jdbc.sql("update webhook_endpoint set lease_until = null where lease_until is not null").update());
	}

	/**
	 * Reserves up to {@code limit} endpoints with due deliveries for this node until {@code until}; the conditional
	 * update decides which it won. Runs in the caller's transaction.
	 */
	List<Long> leaseDueEndpoints(int limit, Instant until) {
		Instant now = clock.instant();
		List<Long> due = jdbc.sql(dueEndpoints).param("now", Timestamps.toDb(now)).param("limit", limit)
			.query(Long.class).list();
		List<Long> won = new ArrayList<>();
		for (Long id : due) {
			int leased = jdbc.sql("""
					update webhook_endpoint set lease_until = :until
					where id = :id and active and (lease_until is null or lease_until < :now)""")
				.param("until", Timestamps.toDb(until)).param("id", id).param("now", Timestamps.toDb(now)).update();
			if (leased == 1) {
				won.add(id);
			}
		}
		return won;
	}

	void releaseLease(long endpointId, Instant until) {
		jdbc.sql("update webhook_endpoint set lease_until = null where id = ? and lease_until = ?")
			.params(endpointId, Timestamps.toDb(until)).update();
	}

	List<PendingDelivery> dueHeads(long endpointId, int limit) {
		return jdbc.sql(DUE_HEADS).param("endpoint", endpointId).param("now", Timestamps.toDb(clock.instant()))
			.param("limit", limit).query(Deliveries::pending).list();
	}

	/** One delivery row per (change, endpoint), in the fan-out's transaction. */
	void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		batch.batchUpdate("""
				insert into webhook_delivery (endpoint_id, position, ticket_id, queue_id, event, actor_id, occurred,
				    fields, status, attempts, next_attempt_at, retry_until, created)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)""", rows);
	}

	/** Records what became of the attempts, their log, and whether each delivery is done, retried or given up. */
	void record(AttemptOutcome outcome, Instant nextAttempt, int attemptsKept) {
		PendingDelivery d = outcome.delivery();
		int attempts = d.attempts() + 1;
		String status = outcome.succeeded() ? "delivered"
				: outcome.at().isBefore(d.retryUntil()) ? "pending" : "failed";
		jdbc.sql("""
				update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_status = ?,
				    last_error = ?, delivered_at = ?
				where id = ? and status = 'pending'""")
			.params(status, attempts, Timestamps.toDb(outcome.succeeded() ? outcome.at() : nextAttempt),
					outcome.status().isPresent() ? outcome.status().getAsInt() : null, outcome.error().orElse(null),
					outcome.succeeded() ? Timestamps.toDb(outcome.at()) : null, d.id())
			.update();
		jdbc.sql("""
				insert into webhook_attempt (delivery_id, attempted, status_code, duration_ms, error)
				values (?, ?, ?, ?, ?)""")
			.params(d.id(), Timestamps.toDb(outcome.at()),
					outcome.status().isPresent() ? outcome.status().getAsInt() : null,
					(int) Math.min(Integer.MAX_VALUE, outcome.durationMillis()), outcome.error().orElse(null))
			.update();
		if (attempts > attemptsKept) {
			trimAttempts(d.id(), attemptsKept);
		}
	}

	/** Keeps the newest {@code kept} attempts of a delivery. */
	private void trimAttempts(long deliveryId, int kept) {
		List<Long> newest = jdbc.sql("select id from webhook_attempt where delivery_id = ? order by id desc limit ?")
			.params(deliveryId, kept).query(Long.class).list();
		if (newest.size() == kept) {
			jdbc.sql("delete from webhook_attempt where delivery_id = ? and id < ?")
				.params(deliveryId, newest.get(kept - 1)).update();
		}
	}

	/** Pending again from now, with a fresh retry window; false when there is no such delivery. */
	boolean requeue(long id, Duration retryFor) {
		Instant now = clock.instant();
		return jdbc.sql("""
				update webhook_delivery set status = 'pending', attempts = 0, next_attempt_at = ?, retry_until = ?,
				    delivered_at = null
				where id = ?""")
			.params(Timestamps.toDb(now), Timestamps.toDb(now.plus(retryFor)), id).update() == 1;
	}

	List<WebhookDelivery> newest(long endpointId, int limit) {
		List<WebhookDelivery> found = jdbc.sql(SELECT + " where endpoint_id = ? order by id desc limit ?")
			.params(endpointId, limit).query(Deliveries::delivery).list();
		return withAttempts(found);
	}

	Optional<WebhookDelivery> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Deliveries::delivery).optional()
			.map(d -> withAttempts(List.of(d)).get(0));
	}

	private static final String SELECT = """
			select id, endpoint_id, position, ticket_id, event, status, attempts, next_attempt_at, last_status,
			    last_error, created, delivered_at
			from webhook_delivery""";

	private List<WebhookDelivery> withAttempts(List<WebhookDelivery> found) {
		if (found.isEmpty()) {
			return found;
		}
		Map<Long, List<WebhookDelivery.Attempt>> attempts = new HashMap<>();
		jdbc.sql("""
				select delivery_id, attempted, status_code, duration_ms, error from webhook_attempt
				where delivery_id in (:ids) order by id desc""")
			.param("ids", found.stream().map(WebhookDelivery::id).toList())
			.query(rs -> {
				int code = rs.getInt("status_code");
				OptionalInt status = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(code);
				attempts.computeIfAbsent(rs.getLong("delivery_id"), k -> new ArrayList<>())
					.add(new WebhookDelivery.Attempt(Timestamps.fromDb(rs, "attempted"), status, rs.getLong("duration_ms"),
							Optional.ofNullable(rs.getString("error"))));
			});
		return found.stream().map(d -> new WebhookDelivery(d.id(), d.endpointId(), d.position(), d.ticketId(),
				d.event(), d.status(), d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError(), d.created(),
				d.deliveredAt(), List.copyOf(attempts.getOrDefault(d.id(), List.of())))).toList();
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		int code = rs.getInt("last_status");
		OptionalInt lastStatus = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(code);
		return new WebhookDelivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getLong("position"),
				rs.getLong("ticket_id"), rs.getString("event"), rs.getString("status"), rs.getInt("attempts"),
				Timestamps.fromDb(rs, "next_attempt_at"), lastStatus, Optional.ofNullable(rs.getString("last_error")),
				Timestamps.fromDb(rs, "created"), Optional.ofNullable(Timestamps.fromDb(rs, "delivered_at")), List.of());
	}

	private static PendingDelivery pending(ResultSet rs, int row) throws SQLException {
		return new PendingDelivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getLong("position"),
				rs.getLong("ticket_id"), rs.getObject("queue_id", Long.class), rs.getString("event"),
				rs.getObject("actor_id", Long.class), Timestamps.fromDb(rs, "occurred"), rs.getString("fields"),
				rs.getInt("attempts"), Timestamps.fromDb(rs, "retry_until"));
	}
}
