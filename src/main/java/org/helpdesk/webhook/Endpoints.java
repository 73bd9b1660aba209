package org.helpdesk.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook_endpoint} table and the queues each endpoint is limited to.
 */
@Component
class Endpoints {

	private static final String COLUMNS = """
			id, url, all_events, events, all_queues, active, failing_since, disabled_reason, created""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Endpoints(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long insert(String url, Set<String> events, Set<Long> queueIds, String secret, boolean active, long fromPosition) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into webhook_endpoint (url, all_events, events, all_queues, secret, active, from_position, created)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(url, events.isEmpty(), String.join(",", new TreeSet<>(events)), queueIds.isEmpty(), secret, active,
					fromPosition, Timestamps.toDb(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		replaceQueues(id, queueIds);
		return id;
	}

	Optional<WebhookEndpoint> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where id = ?").param(id)
			.query((rs, n) -> endpoint(rs, queuesOf(List.of(id)).getOrDefault(id, Set.of())))
			.optional();
	}

	/** Locks the endpoint's row for the rest of the transaction, so that changes to it take turns. */
	boolean lock(long id) {
		return !jdbc.sql("select id from webhook_endpoint where id = ? for update").param(id).query(Long.class).list()
			.isEmpty();
	}

	List<WebhookEndpoint> list() {
		Map<Long, Set<Long>> queues = queuesOf(null);
		return jdbc.sql("select " + COLUMNS + " from webhook_endpoint order by id")
			.query((rs, n) -> endpoint(rs, queues.getOrDefault(rs.getLong("id"), Set.of())))
			.list();
	}

	void update(long id, String url, Set<String> events, Set<Long> queueIds, boolean active) {
		jdbc.sql("update webhook_endpoint set url = ?, all_events = ?, events = ?, all_queues = ? where id = ?")
			.params(url, events.isEmpty(), String.join(",", new TreeSet<>(events)), queueIds.isEmpty(), id)
			.update();
		replaceQueues(id, queueIds);
		setActive(id, active);
	}

	/** Enabling starts the failure count afresh; the reason of an automatic disabling goes either way. */
	void setActive(long id, boolean active) {
		jdbc.sql("""
				update webhook_endpoint set active = ?, disabled_reason = null,
				    failing_since = case when ? then null else failing_since end
				where id = ? and active <> ?""")
			.params(active, active, id, active)
			.update();
	}

	void setSecret(long id, String secret) {
		jdbc.sql("update webhook_endpoint set secret = ? where id = ?").params(secret, id).update();
	}

	int delete(long id) {
		return jdbc.sql("delete from webhook_endpoint where id = ?").param(id).update();
	}

	/** What the fan-out needs of the active endpoints. */
	List<Subscription> subscriptions() {
		Map<Long, Set<Long>> queues = queuesOf(null);
		return jdbc.sql("select id, all_events, events, all_queues, from_position from webhook_endpoint where active")
			.query((rs, n) -> new Subscription(rs.getLong("id"),
					rs.getBoolean("all_events") ? Set.of() : kinds(rs.getString("events")), rs.getBoolean("all_queues"),
					queues.getOrDefault(rs.getLong("id"), Set.of()), rs.getLong("from_position")))
			.list();
	}

	/** What sending needs: the URL and secret of an active endpoint. */
	Optional<Target> target(long id) {
		return jdbc.sql("select url, secret from webhook_endpoint where id = ? and active").param(id)
			.query((rs, n) -> new Target(id, rs.getString("url"), rs.getString("secret")))
			.optional();
	}

	private void replaceQueues(long id, Set<Long> queueIds) {
		jdbc.sql("delete from webhook_endpoint_queue where endpoint_id = ?").param(id).update();
		for (Long queueId : new TreeSet<>(queueIds)) {
			jdbc.sql("insert into webhook_endpoint_queue (endpoint_id, queue_id) values (?, ?)").params(id, queueId)
				.update();
		}
	}

	private Map<Long, Set<Long>> queuesOf(List<Long> ids) {
		Map<Long, Set<Long>> queues = new HashMap<>();
		String sql = "select endpoint_id, queue_id from webhook_endpoint_queue"
				+ (ids == null ? "" : " where endpoint_id in (:ids)");
		var statement = jdbc.sql(sql);
		if (ids != null) {
			statement = statement.param("ids", ids);
		}
		statement.query(rs -> {
			queues.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
		});
		return queues;
	}

	private static Set<String> kinds(String events) {
		return events == null || events.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(events.split(",")));
	}

	private static WebhookEndpoint endpoint(ResultSet rs, Set<Long> queueIds) throws SQLException {
		boolean allEvents = rs.getBoolean("all_events");
		Instant failing = Timestamps.fromDb(rs, "failing_since");
		return new WebhookEndpoint(rs.getLong("id"), rs.getString("url"), allEvents,
				allEvents ? Set.of() : Set.copyOf(kinds(rs.getString("events"))), rs.getBoolean("all_queues"),
				Set.copyOf(queueIds), rs.getBoolean("active"), Optional.ofNullable(failing),
				Optional.ofNullable(rs.getString("disabled_reason")), Timestamps.fromDb(rs, "created"));
	}

	/** An active endpoint as the fan-out matches changes against it. */
	record Subscription(long id, Set<String> events, boolean allQueues, Set<Long> queueIds, long fromPosition) {

		boolean wants(long position, String kind, Long queueId) {
			return position > fromPosition && (events.isEmpty() || events.contains(kind))
					&& (allQueues || (queueId != null && queueIds.contains(queueId)));
		}
	}

	/** Where and how to send. */
	record Target(long id, String url, String secret) {
	}
}
