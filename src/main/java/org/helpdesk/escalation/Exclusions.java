package org.helpdesk.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Exclusion dates and the queues each one is limited to.
 */
@Repository
class Exclusions {

	private final JdbcClient jdbc;

	Exclusions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All exclusions, the latest date first. */
	List<EscalationExclusion> list() {
		Map<Long, List<Long>> queues = new HashMap<>();
		jdbc.sql("select exclusion_id, queue_id from escalation_exclusion_queue order by queue_id")
			.query(rs -> {
				queues.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return jdbc.sql("select id, name, date, all_queues from escalation_exclusion order by date desc, id desc")
			.query((rs, n) -> new EscalationExclusion(rs.getLong("id"), rs.getString("name"),
					rs.getObject("date", LocalDate.class), rs.getBoolean("all_queues"),
					List.copyOf(queues.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
	}

	long insert(String name, LocalDate date, List<Long> queueIds) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into escalation_exclusion (name, date, all_queues) values (?, ?, ?)")
			.params(name, date, queueIds.isEmpty())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (long queueId : new HashSet<>(queueIds)) {
			jdbc.sql("insert into escalation_exclusion_queue (exclusion_id, queue_id) values (?, ?)").params(id, queueId)
				.update();
		}
		return id;
	}

	boolean delete(long id) {
		return jdbc.sql("delete from escalation_exclusion where id = ?").param(id).update() == 1;
	}

	/** The excluded dates of a queue up to {@code until}: its own and those of every queue. */
	Set<LocalDate> datesFor(long queueId, LocalDate until) {
		return new HashSet<>(jdbc.sql("""
				select distinct e.date from escalation_exclusion e where e.date <= ? and (e.all_queues = true
				  or exists (select 1 from escalation_exclusion_queue q where q.exclusion_id = e.id and q.queue_id = ?))""")
			.params(until, queueId)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list());
	}
}
