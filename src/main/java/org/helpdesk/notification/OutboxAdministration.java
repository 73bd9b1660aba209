package org.helpdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators see of and do with the mail outbox: how much is waiting or failed, and sending failed mail
 * again once whatever rejected it has been fixed. Callers check that the reader is an administrator.
 */
@Service
@Transactional
public class OutboxAdministration {

	/** The page lists the newest mails only; an outbox with more problems than that needs the logs anyway. */
	public static final int LIST_LIMIT = 100;

	public record Counts(long queued, long sent, long failed) {
	}

	public record OutboxEntry(long id, Instant created, String recipient, String subject, String template,
			String status, int attempts, Instant nextAttempt, String lastError) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final OutboxDispatcher dispatcher;

	OutboxAdministration(JdbcClient jdbc, Clock clock, OutboxDispatcher dispatcher) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.dispatcher = dispatcher;
	}

	@Transactional(readOnly = true)
	public Counts counts() {
		return new Counts(count("queued"), count("sent"), count("failed"));
	}

	/** Queued and failed mails, newest first. */
	@Transactional(readOnly = true)
	public List<OutboxEntry> pending() {
		return jdbc.sql("""
				select id, created, recipient, subject, template, status, attempts, next_attempt_at, last_error
				from mail_outbox where status in ('queued', 'failed') order by created desc, id desc limit :limit""")
			.param("limit", LIST_LIMIT)
			.query((rs, n) -> new OutboxEntry(rs.getLong("id"), Timestamps.fromDb(rs, "created"),
					rs.getString("recipient"), rs.getString("subject"), rs.getString("template"),
					rs.getString("status"), rs.getInt("attempts"), Timestamps.fromDb(rs, "next_attempt_at"),
					rs.getString("last_error")))
			.list();
	}

	/** Queues a failed mail again, due now; its attempts are kept. Returns false when it was not failed. */
	public boolean retry(long id) {
		return requeue("status = 'failed' and id = " + id) == 1;
	}

	/** Queues every failed mail again; returns how many. */
	public int retryAllFailed() {
		return requeue("status = 'failed'");
	}

	/** {@code condition} is built from a fixed text and a number only, never from user text. */
	private int requeue(String condition) {
		int changed = jdbc.sql("update mail_outbox set status = 'queued', next_attempt_at = :now, claimed_until = null"
				+ " where " + condition)
			.param("now", Timestamps.toDb(clock.instant()))
			.update();
		if (changed > 0) {
			dispatcher.nudge();
		}
		return changed;
	}

	private long count(String status) {
		return jdbc.sql("select count(*) from mail_outbox where status = ?").param(status).query(Long.class).single();
	}
}
