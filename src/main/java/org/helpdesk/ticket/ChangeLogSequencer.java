package org.helpdesk.ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.helpdesk.core.PeriodicWork;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed rows of the {@link ChangeLog} their positions. Each batch runs in one transaction that first locks
 * the single row of {@code ticket_log_sequence}, so across every node one batch is sequenced at a time, and a batch
 * commits (making its positions visible all at once) before the next can start. A reader's statement therefore sees
 * the positions of whole batches, a prefix of the log, and never a gap that a later batch fills.
 * <p>
 * Runs soon after a change commits on this node and every {@link #INTERVAL} for rows that another node wrote and did
 * not sequence (it may have died between its commit and its sequencer run).
 */
@Component
class ChangeLogSequencer extends PeriodicWork {

	static final Duration INTERVAL = Duration.ofMillis(500);

	/** Rows per sequencing transaction. */
	static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	ChangeLogSequencer(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
		super("change-log-sequencer", INTERVAL);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
	}

	@Override
	protected void run() {
		sequenceAll();
	}

	/** Sequences every committed row that has no position yet; tells this node's readers when it gave any. */
	void sequenceAll() {
		long head = 0;
		Long sequenced;
		do {
			sequenced = transactions.execute(status -> sequenceBatch());
			if (sequenced != null && sequenced > 0) {
				head = sequenced;
			}
		}
		while (sequenced != null && sequenced > 0 && waiting());
		if (head > 0) {
			events.publishEvent(new ChangeLogAdvanced(head));
		}
	}

	/** Whether any committed row waits for a position; read without a lock, so an idle poll writes nothing. */
	private boolean waiting() {
		return !jdbc.queryForList("select id from ticket_log where position is null limit 1", Long.class).isEmpty();
	}

	/** One batch; answers the new head, or 0 when nothing waited. */
	private long sequenceBatch() {
		if (!waiting()) {
			return 0;
		}
		long last = jdbc.queryForObject("select last_position from ticket_log_sequence where id = 1 for update", Long.class);
		List<Long> ids = jdbc.queryForList("select id from ticket_log where position is null order by id limit " + BATCH,
				Long.class);
		if (ids.isEmpty()) {
			return 0;
		}
		List<Object[]> positions = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			positions.add(new Object[] { last + i + 1, ids.get(i) });
		}
		jdbc.batchUpdate("update ticket_log set position = ? where id = ?", positions);
		long head = last + ids.size();
		jdbc.update("update ticket_log_sequence set last_position = ? where id = 1", head);
		return head;
	}

}
