package org.helpdesk.inbox;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The tables {@code ignore_rule}, {@code ignore_rule_queue} and {@code ignore_rule_version}. Every change counts the
 * version up in its transaction, which is how the other nodes learn that their compiled rules are stale.
 */
@Component
class IgnoreRuleStore {

	private final JdbcClient jdbc;

	IgnoreRuleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long version() {
		return jdbc.sql("select version from ignore_rule_version where id = 1").query(Long.class).single();
	}

	/** Oldest first: of several matching rules, the oldest decides. */
	List<IgnoreRule> all() {
		Map<Long, Set<Long>> queues = new HashMap<>();
		jdbc.sql("select rule_id, queue_id from ignore_rule_queue").query(rs -> {
			queues.computeIfAbsent(rs.getLong("rule_id"), id -> new HashSet<>()).add(rs.getLong("queue_id"));
		});
		return jdbc.sql("select id, name, address_pattern, keep_in_mailbox, all_queues, added from ignore_rule order by id")
			.query((rs, n) -> new IgnoreRule(rs.getLong("id"), rs.getString("name"), rs.getString("address_pattern"),
					rs.getBoolean("keep_in_mailbox"), rs.getBoolean("all_queues"),
					queues.getOrDefault(rs.getLong("id"), Set.of()), rs.getObject("added", LocalDate.class)))
			.list();
	}

	long insert(String name, String pattern, boolean keepInMailbox, boolean allQueues, Set<Long> queueIds,
			LocalDate added) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into ignore_rule (name, address_pattern, keep_in_mailbox, all_queues, added)
				values (?, ?, ?, ?, ?)""")
			.params(name, pattern, keepInMailbox, allQueues, added)
			.update(key, "id");
		long id = key.getKey().longValue();
		for (long queueId : queueIds) {
			jdbc.sql("insert into ignore_rule_queue (rule_id, queue_id) values (?, ?)").params(id, queueId).update();
		}
		changed();
		return id;
	}

	boolean delete(long id) {
		boolean deleted = jdbc.sql("delete from ignore_rule where id = ?").param(id).update() == 1;
		if (deleted) {
			changed();
		}
		return deleted;
	}

	private void changed() {
		jdbc.sql("update ignore_rule_version set version = version + 1 where id = 1").update();
	}
}
