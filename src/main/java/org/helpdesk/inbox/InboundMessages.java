package org.helpdesk.inbox;

import java.time.Instant;
import java.util.Optional;

import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code inbound_message} table: one row per message taken in per queue. A message claims its row first thing
 * in its transaction; the unique (queue, Message-ID) makes a second copy, even one arriving at the same moment on
 * another node, fail its claim instead of changing a ticket twice.
 */
@Repository
class InboundMessages {

	/** What became of a message taken in earlier. */
	record Recorded(IngestResult result, Long ticketId, Long followUpId) {
	}

	private final JdbcClient jdbc;

	InboundMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Recorded> find(long queueId, String messageId) {
		return jdbc.sql("select result, ticket_id, followup_id from inbound_message where queue_id = ? and message_id = ?")
			.params(queueId, messageId)
			.query((rs, n) -> new Recorded(IngestResult.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
					(Long) rs.getObject(2, Long.class), (Long) rs.getObject(3, Long.class)))
			.optional();
	}

	/** Inserts the message's row; throws a data access exception when the message was already claimed. */
	long claim(long queueId, String messageId, String sender, MailSource source, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into inbound_message (queue_id, message_id, sender, result, received_at, source)
				values (?, ?, ?, 'pending', ?, ?)""")
			.params(queueId, messageId, sender, Timestamps.toDb(now), source.name())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void settle(long id, IngestOutcome outcome) {
		jdbc.sql("update inbound_message set result = ?, ticket_id = ?, followup_id = ?, reason = ? where id = ?")
			.params(outcome.result().wireName(), outcome.ticketId(), outcome.followUpId(),
					MailText.clip(outcome.reason(), 500), id)
			.update();
	}

	/** Messages from this sender to this queue received after {@code since}, this one included. */
	long countFrom(long queueId, String sender, Instant since) {
		return jdbc.sql("select count(*) from inbound_message where queue_id = ? and sender = ? and received_at > ?")
			.params(queueId, sender, Timestamps.toDb(since))
			.query(Long.class)
			.single();
	}
}
