package org.helpdesk.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state of each mailbox's polling ({@code mailbox_poll}) and the messages kept in it ({@code mailbox_kept}). */
@Repository
class MailboxPolls {

	/** The last poll of one mailbox; {@code backlog}: it removed mail, so the mailbox is polled again at once. */
	record LastPoll(Instant at, String error, boolean backlog) {

		boolean due(int intervalSeconds, Instant now) {
			return backlog || !at.plusSeconds(intervalSeconds).isAfter(now);
		}
	}

	private final JdbcClient jdbc;

	MailboxPolls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, LastPoll> all() {
		Map<Long, LastPoll> polls = new HashMap<>();
		jdbc.sql("select queue_id, last_check, last_error, backlog from mailbox_poll")
			.query(rs -> {
				polls.put(rs.getLong(1), new LastPoll(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBoolean(4)));
			});
		return polls;
	}

	Optional<LastPoll> find(long queueId) {
		return jdbc.sql("select last_check, last_error, backlog from mailbox_poll where queue_id = ?").param(queueId)
			.query((rs, n) -> new LastPoll(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getBoolean(3)))
			.optional();
	}

	/** Only the node holding the mailbox's lock writes its row, so update-then-insert does not race. */
	void record(long queueId, LastPoll poll) {
		String error = poll.error() == null ? null : poll.error().substring(0, Math.min(1000, poll.error().length()));
		int changed = jdbc.sql("update mailbox_poll set last_check = ?, last_error = ?, backlog = ? where queue_id = ?")
			.params(Timestamp.from(poll.at()), error, poll.backlog(), queueId).update();
		if (changed == 0) {
			jdbc.sql("insert into mailbox_poll (queue_id, last_check, last_error, backlog) values (?, ?, ?, ?)")
				.params(queueId, Timestamp.from(poll.at()), error, poll.backlog()).update();
		}
	}

	java.util.Set<String> kept(long queueId) {
		return new java.util.HashSet<>(jdbc.sql("select message_key from mailbox_kept where queue_id = ?")
			.param(queueId).query(String.class).list());
	}

	void keep(long queueId, String key) {
		jdbc.sql("insert into mailbox_kept (queue_id, message_key) values (?, ?)").params(queueId, key).update();
	}
}
