package org.helpdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code mail_outbox} table. A row is {@code queued} until it is {@code sent}, or {@code failed} when the
 * server keeps rejecting it; {@code claimed_until} reserves it for the one node that is sending it.
 */
@Component
class OutboxStore {

	/**
	 * Due, unclaimed rows, locked so that a node running the same query at the same moment skips them rather than
	 * waiting for them. Ordered by id, which lets H2 lock only the rows it returns.
	 */
	private static final String DUE = """
			select id, message_id, sender, recipient, subject, body_text, body_html, attempts from mail_outbox
			where status = 'queued' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
			order by id limit :limit for update skip locked""";

	/** Re-checks the claim condition, so a row is never claimed twice even where SKIP LOCKED were not honoured. */
	private static final String CLAIM = """
			update mail_outbox set claimed_until = :until
			where id = :id and status = 'queued' and (claimed_until is null or claimed_until < :now)""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OutboxStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	void insert(OutgoingMail mail) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into mail_outbox (ticket_id, template, message_id, sender, recipient, subject, body_text,
				    body_html, status, attempts, next_attempt_at, created)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)""")
			.params(mail.ticketId(), mail.template(), mail.messageId(), mail.sender(), mail.recipient(), mail.subject(),
					mail.bodyText(), mail.bodyHtml(), Timestamps.toDb(now), Timestamps.toDb(now))
			.update();
	}

	/** Claims up to {@code limit} due mails for {@code lease}, in a transaction of its own that ends before sending. */
	List<QueuedMail> claim(int limit, Duration lease) {
		return transaction.execute(status -> {
			Instant now = clock.instant();
			List<QueuedMail> due = jdbc.sql(DUE)
				.param("now", Timestamps.toDb(now))
				.param("limit", limit)
				.query((rs, row) -> new QueuedMail(rs.getLong("id"), rs.getString("message_id"), rs.getString("sender"),
						rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
						rs.getString("body_html"), rs.getInt("attempts")))
				.list();
			List<QueuedMail> claimed = new ArrayList<>();
			for (QueuedMail mail : due) {
				if (jdbc.sql(CLAIM).param("until", Timestamps.toDb(now.plus(lease))).param("id", mail.id())
					.param("now", Timestamps.toDb(now)).update() == 1) {
					claimed.add(mail);
				}
			}
			return claimed;
		});
	}

	void markSent(long id) {
		jdbc.sql("update mail_outbox set status = 'sent', sent_at = ?, claimed_until = null, last_error = null where id = ?")
			.params(Timestamps.toDb(clock.instant()), id)
			.update();
	}

	void retryLater(long id, int attempts, Instant next, String error) {
		jdbc.sql("""
				update mail_outbox set attempts = ?, next_attempt_at = ?, claimed_until = null, last_error = ?
				where id = ?""").params(attempts, Timestamps.toDb(next), error, id).update();
	}

	void markFailed(long id, int attempts, String error) {
		jdbc.sql("""
				update mail_outbox set status = 'failed', attempts = ?, claimed_until = null, last_error = ?
				where id = ?""").params(attempts, error, id).update();
	}

	long countQueued() {
		return jdbc.sql("select count(*) from mail_outbox where status = 'queued'").query(Long.class).single();
	}
}
