package org.helpdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.helpdesk.core.EmbeddedDatabase;
import org.helpdesk.core.Timestamps;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code mail_outbox} table. A row is {@code queued} until it is {@code sent}, or {@code failed} when the
 * server keeps rejecting it; {@code claimed_until} reserves it for the one node that is sending it.
 */
@Component
class OutboxStore implements SmartInitializingSingleton {

	/**
	 * Due, unclaimed rows, locked so that a node running the same query at the same moment skips them rather than
	 * waiting for them. Ordered by the columns of {@code mail_outbox_queued_by_id} (status, id), which is the order
	 * by id since the status is fixed: H2 reads the index in that order and stops at the limit. Ordered by id alone,
	 * H2 read and sorted every queued row for each batch, so a backlog of 150,000 mails cost 40 ms per claim and the
	 * drain slowed as the backlog grew.
	 */
	private static final String DUE = """
			select id, message_id, sender, recipient, subject, template, snapshot, body_text, body_html, attempts,
			    in_reply_to, thread_refs, reply_to
			from mail_outbox
			where status = 'queued' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
			order by status, id limit :limit""";

	/** Rows locked with SKIP LOCKED, for databases that several nodes share. */
	private static final String DUE_LOCKED = DUE + " for update skip locked";

	/**
	 * Re-checks the claim condition, so a row is never claimed twice even where SKIP LOCKED were not honoured. One
	 * statement for the whole batch; {@code :until} (to the microsecond) then marks which rows this claim won.
	 */
	private static final String CLAIM = """
			update mail_outbox set claimed_until = :until
			where id in (:ids) and status = 'queued' and (claimed_until is null or claimed_until < :now)""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	/**
	 * The claim query. On H2 the rows are read without locks (in H2 a row lock is a write, which the commit then walks
	 * again and the group commit serialises, and that cost the dispatcher about half of its time); where several
	 * dispatchers share an H2 database (an in-memory one, in tests) the conditional {@link #CLAIM} alone decides
	 * which rows a claim won, as it also does on PostgreSQL.
	 */
	private final String due;

	/**
	 * Whether this process alone holds the database (the embedded H2 file): then its one dispatcher is the only one
	 * that sends, claims decide nothing, and a claim is not written. Writing it cost an update and a durable commit per
	 * batch, and one more copy of every claimed row's page in the file before the row was marked sent.
	 */
	private final boolean alone;

	private final DataSource dataSource;

	OutboxStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, DataSource dataSource) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.due = EmbeddedDatabase.ownedByThisProcess(dataSource) ? DUE : DUE_LOCKED;
		this.alone = EmbeddedDatabase.heldByThisProcessAlone(dataSource);
		this.dataSource = dataSource;
	}

	/**
	 * On the embedded file database, the claims of an earlier run of this process (killed while it was sending) are
	 * given up once, when the application has started and before the outbox sends, so that their mails go out now
	 * rather than when the lease runs out (see {@link EmbeddedDatabase#heldByThisProcessAlone}). A mail of such a
	 * batch that the server had accepted before the crash is sent again, as it would be after the lease.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		EmbeddedDatabase.releaseLeftovers(dataSource, "mail claim(s)", () -> jdbc
			.sql("update mail_outbox set claimed_until = null where status = 'queued' and claimed_until is not null")
			.update());
	}

	/** Only what rendering needs; the bodies are rendered by the dispatcher just before sending. */
	void insert(OutgoingMail mail) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into mail_outbox (ticket_id, followup_id, template, message_id, sender, recipient, subject,
				    snapshot, status, attempts, next_attempt_at, created, in_reply_to, thread_refs, reply_to)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?)""")
			.params(mail.ticketId(), mail.followUpId().isPresent() ? mail.followUpId().getAsLong() : null,
					mail.template().fileName(), mail.messageId(), mail.sender(), mail.recipient(), mail.subject(),
					mail.snapshot().encoded(), Timestamps.toDb(now), Timestamps.toDb(now),
					mail.thread().answers().orElse(null), mail.thread().encodedRefs(), mail.replyTo().orElse(null))
			.update();
	}

	/** A mail about the helpdesk itself, not about a ticket: it belongs to no ticket and no thread. */
	void insertNotice(MailTemplate template, String messageId, String sender, String recipient, String subject,
			MailSnapshot snapshot) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into mail_outbox (template, message_id, sender, recipient, subject, snapshot, status, attempts,
				    next_attempt_at, created)
				values (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)""")
			.params(template.fileName(), messageId, sender, recipient, subject, snapshot.encoded(), Timestamps.toDb(now),
					Timestamps.toDb(now))
			.update();
	}

	/**
	 * The Message-IDs of the first and the latest mail queued to this recipient about this ticket, oldest first; the
	 * ones in between are left out, as RFC 5322 allows for long threads.
	 */
	List<String> earlierMessageIds(long ticketId, String recipient) {
		return jdbc.sql("""
				select message_id from mail_outbox where id in (
				    (select min(id) from mail_outbox where ticket_id = :ticket and lower(recipient) = lower(:recipient)),
				    (select max(id) from mail_outbox where ticket_id = :ticket and lower(recipient) = lower(:recipient)))
				order by id""")
			.param("ticket", ticketId)
			.param("recipient", recipient)
			.query(String.class)
			.list();
	}

	/** Claims up to {@code limit} due mails for {@code lease}, in a transaction of its own that ends before sending. */
	List<QueuedMail> claim(int limit, Duration lease) {
		return transaction.execute(status -> {
			Instant now = clock.instant();
			Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
			List<QueuedMail> due = jdbc.sql(this.due)
				.param("now", Timestamps.toDb(now))
				.param("limit", limit)
				.query(OutboxStore::queued)
				.list();
			if (due.isEmpty() || alone) {
				return due;
			}
			List<Long> ids = due.stream().map(QueuedMail::id).toList();
			int claimed = jdbc.sql(CLAIM).param("until", Timestamps.toDb(until)).param("ids", ids)
				.param("now", Timestamps.toDb(now)).update();
			return claimed == due.size() ? due : won(due, until);
		});
	}

	/** The rows of {@code due} that this claim reserved, when another node got some of them first. */
	private List<QueuedMail> won(List<QueuedMail> due, Instant until) {
		Set<Long> ours = new HashSet<>(jdbc
			.sql("select id from mail_outbox where id in (:ids) and claimed_until = :until")
			.param("ids", due.stream().map(QueuedMail::id).toList())
			.param("until", Timestamps.toDb(until))
			.query(Long.class)
			.list());
		return due.stream().filter(mail -> ours.contains(mail.id())).toList();
	}

	private static QueuedMail queued(ResultSet rs, int row) throws SQLException {
		return new QueuedMail(rs.getLong("id"), rs.getString("message_id"), rs.getString("sender"),
				rs.getString("recipient"), rs.getString("subject"), rs.getString("template"),
				Optional.ofNullable(rs.getString("snapshot")), rs.getString("body_text"), rs.getString("body_html"),
				rs.getInt("attempts"), MailThread.decode(rs.getString("thread_refs"), rs.getString("in_reply_to")),
				Optional.ofNullable(rs.getString("reply_to")));
	}

	/**
	 * One statement for every mail of a batch that the SMTP server accepted. Like the marks below, in a transaction
	 * of its own: the transaction manager's commit is what makes a change durable, so a crash right after it cannot
	 * send the batch again.
	 */
	void markSent(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		transaction.executeWithoutResult(status -> jdbc.sql("""
				update mail_outbox set status = 'sent', sent_at = :now, claimed_until = null, last_error = null
				where id in (:ids)""")
			.param("now", Timestamps.toDb(clock.instant()))
			.param("ids", ids)
			.update());
	}

	void retryLater(long id, int attempts, Instant next, String error) {
		transaction.executeWithoutResult(status -> jdbc.sql("""
				update mail_outbox set attempts = ?, next_attempt_at = ?, claimed_until = null, last_error = ?
				where id = ?""").params(attempts, Timestamps.toDb(next), error, id).update());
	}

	void markFailed(long id, int attempts, String error) {
		transaction.executeWithoutResult(status -> jdbc.sql("""
				update mail_outbox set status = 'failed', attempts = ?, claimed_until = null, last_error = ?
				where id = ?""").params(attempts, error, id).update());
	}

	long countQueued() {
		return jdbc.sql("select count(*) from mail_outbox where status = 'queued'").query(Long.class).single();
	}
}
