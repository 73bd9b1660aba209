package org.helpdesk.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code mail_quarantine} table. {@link #keep} writes in a transaction of its own, so that a message whose change
 * failed (and was rolled back) is still kept, and nothing of the failed change comes with it.
 */
@Repository
class QuarantineStore {

	static final int LIST_LIMIT = 200;

	private static final String COLUMNS = "id, queue_id, message_id, sender, subject, reason, source, received_at, "
			+ "octet_length(raw) as size";

	/** A quarantined message with its bytes, for reprocessing and download. */
	record Kept(QuarantinedMail mail, byte[] raw) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	QuarantineStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Keeps the message with the reason and returns its id; a message already kept for the queue (the same
	 * Message-ID, brought again by its channel) is kept once, with the newest reason.
	 */
	long keep(long queueId, String messageId, String sender, String subject, String reason, MailSource source,
			byte[] raw, Instant now) {
		return ownTransaction.execute(status -> {
			Optional<Long> earlier = jdbc.sql("select id from mail_quarantine where queue_id = ? and message_id = ?")
				.params(queueId, messageId).query(Long.class).optional();
			if (earlier.isPresent()) {
				updateReason(earlier.get(), reason);
				return earlier.get();
			}
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into mail_quarantine (queue_id, message_id, sender, subject, reason, source, received_at, raw)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(queueId, messageId, MailText.clip(sender, 254), MailText.clip(subject, 400),
						MailText.clip(reason, 2000), source.name(), Timestamps.toDb(now), raw)
				.update(keys, "id");
			return keys.getKeyAs(Number.class).longValue();
		});
	}

	void updateReason(long id, String reason) {
		jdbc.sql("update mail_quarantine set reason = ? where id = ?").params(MailText.clip(reason, 2000), id).update();
	}

	List<QuarantinedMail> list() {
		return jdbc.sql("select " + COLUMNS + " from mail_quarantine order by id desc limit " + LIST_LIMIT)
			.query(QuarantineStore::map).list();
	}

	Optional<Kept> find(long id) {
		return jdbc.sql("select " + COLUMNS + ", raw from mail_quarantine where id = ?").param(id)
			.query((rs, n) -> new Kept(map(rs, n), rs.getBytes("raw"))).optional();
	}

	boolean delete(long id) {
		return jdbc.sql("delete from mail_quarantine where id = ?").param(id).update() > 0;
	}

	private static QuarantinedMail map(ResultSet rs, int row) throws SQLException {
		return new QuarantinedMail(rs.getLong("id"), rs.getLong("queue_id"), rs.getString("message_id"),
				rs.getString("sender"), rs.getString("subject"), rs.getString("reason"),
				MailSource.valueOf(rs.getString("source")), Timestamps.fromDb(rs, "received_at"), rs.getLong("size"));
	}
}
