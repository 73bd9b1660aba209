package org.helpdesk.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.helpdesk.core.PeriodicWork;
import org.helpdesk.core.Timestamps;
import org.helpdesk.ticket.ChangeLog;
import org.helpdesk.ticket.ChangeLogAdvanced;
import org.helpdesk.ticket.LoggedChange;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the change log by position and makes one delivery row per change and active endpoint that asks for it.
 * Each batch runs in one transaction that first locks the row of {@code webhook_fanout}: one node fans out at a
 * time, and the position moves in the same transaction that inserts the deliveries, so a crash neither loses a
 * delivery nor makes one twice. Runs when this node's sequencer has given out positions and every poll interval
 * (for changes sequenced on other nodes).
 */
@Component
class FanOut extends PeriodicWork {

	/** Changes per transaction. */
	static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ChangeLog changeLog;

	private final Endpoints endpoints;

	private final Deliveries deliveries;

	private final DeliveryDispatcher dispatcher;

	private final WebhookSettings settings;

	private final Clock clock;

	FanOut(JdbcTemplate jdbc, TransactionTemplate transactions, ChangeLog changeLog, Endpoints endpoints,
			Deliveries deliveries, DeliveryDispatcher dispatcher, WebhookSettings settings, Clock clock) {
		super("webhook-fanout", settings.pollInterval());
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.changeLog = changeLog;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (settings.enabled()) {
			super.start();
		}
	}

	@EventListener
	void advanced(ChangeLogAdvanced event) {
		nudge();
	}

	@Override
	protected void run() {
		fanOutAll();
	}

	/** Fans out every sequenced change not yet fanned out; wakes the senders when it made deliveries. */
	void fanOutAll() {
		int made = 0;
		Integer[] batch;
		do {
			batch = transactions.execute(status -> fanOutBatch());
			made += batch[1];
		}
		while (batch[0] == BATCH);
		if (made > 0) {
			dispatcher.nudge();
		}
	}

	/** One batch: answers the changes read and the deliveries made. */
	private Integer[] fanOutBatch() {
		long position = jdbc.queryForObject("select position from webhook_fanout where id = 1 for update", Long.class);
		List<Endpoints.Subscription> subscriptions = endpoints.subscriptions();
		if (subscriptions.isEmpty()) {
			long head = changeLog.head();
			if (head > position) { // nobody listens: nothing to make, the registration lock keeps this safe
				jdbc.update("update webhook_fanout set position = ? where id = 1", head);
			}
			return new Integer[] { 0, 0 };
		}
		List<LoggedChange> changes = changeLog.after(position, BATCH);
		if (changes.isEmpty()) {
			return new Integer[] { 0, 0 };
		}
		Instant now = clock.instant();
		List<Object[]> rows = new ArrayList<>();
		for (LoggedChange change : changes) {
			for (Endpoints.Subscription subscription : subscriptions) {
				if (subscription.wants(change.position(), change.kind(), change.queueId())) {
					rows.add(new Object[] { subscription.id(), change.position(), change.ticketId(), change.queueId(),
							change.kind(), change.actorId(), Timestamps.toDb(change.occurred()), change.fields(),
							Timestamps.toDb(now), Timestamps.toDb(now.plus(settings.retryFor())), Timestamps.toDb(now) });
				}
			}
		}
		deliveries.insert(rows);
		jdbc.update("update webhook_fanout set position = ? where id = 1", changes.get(changes.size() - 1).position());
		return new Integer[] { changes.size(), rows.size() };
	}
}
