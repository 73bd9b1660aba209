package org.helpdesk.ticketlist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.helpdesk.core.BackgroundWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves text from the backlog into the word index (see {@link SearchWords}), many tickets at a time: a batch of
 * tickets shares the index pages of its common words, where one ticket at a time would write a page per word. Runs
 * on its own thread, soon after a change commits and every {@link #INTERVAL}. Several nodes each claim their own
 * rows ({@code for update skip locked}); a batch that fails stays in the backlog and is tried again.
 */
@Component
class SearchIndexer implements SmartLifecycle {

	static final Duration INTERVAL = Duration.ofSeconds(1);

	/** Backlog rows per transaction. */
	static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final BackgroundWork work = new BackgroundWork("search-index", INTERVAL, this::indexBacklog);

	private volatile boolean running;

	SearchIndexer(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		Gauge.builder("helpdesk.search.backlog", this, SearchIndexer::backlog)
			.description("Texts waiting to be added to the keyword-search index")
			.register(registry);
	}

	/** A scrape must not fail because the database is briefly away; the gauge shows no value instead. */
	private double backlog() {
		try {
			Long count = jdbc.queryForObject("select count(*) from ticket_word_backlog", Long.class);
			return count == null ? Double.NaN : count;
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

	/** Asks for a run soon (after a change that queued text has committed). */
	void nudge() {
		work.nudge();
	}

	/** Indexes the whole backlog, a batch per transaction. */
	void indexBacklog() {
		Integer done;
		do {
			done = transactions.execute(status -> indexBatch());
		}
		while (done != null && done == BATCH);
	}

	private int indexBatch() {
		List<Long> ids = new ArrayList<>();
		SortedSet<WordOfTicket> pairs = new TreeSet<>();
		jdbc.query("select id, ticket_id, content from ticket_word_backlog order by id limit " + BATCH
				+ " for update skip locked", rs -> {
					ids.add(rs.getLong(1));
					long ticketId = rs.getLong(2);
					Words.of(rs.getString(3)).forEach(word -> pairs.add(new WordOfTicket(word, ticketId)));
				});
		if (ids.isEmpty()) {
			return 0;
		}
		insert(pairs);
		jdbc.update("delete from ticket_word_backlog where id in (" + String.join(",", Collections.nCopies(ids.size(), "?"))
				+ ")", ids.toArray());
		return ids.size();
	}

	/**
	 * Adds words to tickets, as {@code word, ticket id} pairs sorted so that two nodes adding the same pairs lock
	 * them in the same order. One statement adds up to {@link #ROWS_PER_STATEMENT} pairs; its row count is rounded
	 * up (repeating the last pair, which the database then skips) so that a few statement texts serve every batch.
	 */
	private void insert(SortedSet<WordOfTicket> pairs) {
		List<WordOfTicket> all = new ArrayList<>(pairs);
		for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
			List<WordOfTicket> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
			int rows = Math.max(MIN_ROWS, Integer.highestOneBit(chunk.size() - 1) << 1);
			Object[] values = new Object[rows * 2];
			for (int i = 0; i < rows; i++) {
				WordOfTicket pair = chunk.get(Math.min(i, chunk.size() - 1));
				values[2 * i] = pair.word();
				values[2 * i + 1] = pair.ticketId();
			}
			jdbc.update(INSERTS.computeIfAbsent(rows, SearchIndexer::insertStatement), values);
		}
	}

	record WordOfTicket(String word, long ticketId) implements Comparable<WordOfTicket> {

		@Override
		public int compareTo(WordOfTicket other) {
			int byWord = word.compareTo(other.word);
			return byWord != 0 ? byWord : Long.compare(ticketId, other.ticketId);
		}
	}

	private static final int ROWS_PER_STATEMENT = 256;

	private static final int MIN_ROWS = 8;

	private static final Map<Integer, String> INSERTS = new ConcurrentHashMap<>();

	private static String insertStatement(int rows) {
		return "insert into ticket_word (word, ticket_id) values " + String.join(", ", Collections.nCopies(rows, "(?, ?)"))
				+ " on conflict do nothing";
	}

	@Override
	public void start() {
		running = true;
		work.start();
	}

	@Override
	public void stop() {
		running = false;
		work.stop(Duration.ofSeconds(10));
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
