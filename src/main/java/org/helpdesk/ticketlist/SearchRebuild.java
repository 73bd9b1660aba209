package org.helpdesk.ticketlist;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.helpdesk.ticket.ChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the search index anew from the tables, on a thread of its own, into a folder of its own, while searches go
 * on with the index in use (if there is one). It first notes the change log's head and then reads every ticket in
 * id order; every change after that head is applied afterwards by {@link SearchFeed}, which then puts the new build
 * in use. A change that committed before the head was noted and the ticket read is in the tables already; applying it
 * once more changes nothing.
 */
@Component
class SearchRebuild {

	private static final Logger log = LoggerFactory.getLogger(SearchRebuild.class);

	private final IndexSource source;

	private final ChangeLog changes;

	private final SearchIndex index;

	private final SearchSettings settings;

	private Thread thread;

	private volatile boolean running;

	private volatile boolean stopping;

	private volatile long indexed;

	private volatile IndexGeneration built;

	/** When the last rebuild failed (nanoTime), or 0: a failing rebuild is not tried again at once. */
	private volatile long failedAt;

	/** How long after a failure the next rebuild waits. */
	static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(30);

	SearchRebuild(IndexSource source, ChangeLog changes, SearchIndex index, SearchSettings settings) {
		this.source = source;
		this.changes = changes;
		this.index = index;
		this.settings = settings;
	}

	/** Starts a rebuild unless one is running or waits to be put in use. */
	synchronized void start(String reason, Runnable whenBuilt) {
		if (running || stopping || (failedAt != 0 && System.nanoTime() - failedAt < RETRY_AFTER.toNanos())) {
			return;
		}
		log.info("Rebuilding the search index: {}", reason);
		running = true;
		indexed = 0;
		thread = new Thread(() -> build(whenBuilt), "search-rebuild");
		thread.setDaemon(true);
		thread.start();
	}

	/** Whether a rebuild is running or its result waits to be put in use. */
	boolean running() {
		return running;
	}

	/** How many tickets the running rebuild has indexed so far. */
	long indexed() {
		return indexed;
	}

	/** The finished build, once; the caller catches it up and puts it in use, or drops it (then call {@link #done}). */
	IndexGeneration takeBuilt() {
		IndexGeneration result = built;
		built = null;
		return result;
	}

	/** The build that {@link #takeBuilt()} gave is in use or dropped: another rebuild may start. */
	void done() {
		running = false;
	}

	private void build(Runnable whenBuilt) {
		IndexGeneration build = null;
		long started = System.nanoTime();
		try {
			build = index.newBuild(changes.head(), settings.rebuildBuffer().toBytes() / (1024.0 * 1024.0));
			fill(build);
			if (stopping) {
				throw new IOException("stopped");
			}
			build.commit();
			failedAt = 0;
			log.info("Search index rebuilt: {} tickets in {} s, up to change-log position {}", indexed,
					(System.nanoTime() - started) / 1_000_000_000, build.position());
			built = build;
			whenBuilt.run();
		}
		catch (IOException | RuntimeException ex) {
			if (!stopping) {
				log.warn("Rebuilding the search index failed, will try again in {} s: {}", RETRY_AFTER.toSeconds(),
						ex.toString());
			}
			if (build != null) {
				build.delete();
			}
			failedAt = System.nanoTime();
			running = false;
		}
	}

	/**
	 * Reads the tickets in id order, a batch at a time, the next batch while the last one is analysed: reading and
	 * indexing then share the two halves of the work.
	 */
	private void fill(IndexGeneration build) throws IOException {
		ExecutorService reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "search-rebuild-read"));
		try {
			CompletableFuture<List<IndexedTicket>> next = CompletableFuture
				.supplyAsync(() -> source.after(0, settings.rebuildBatchSize()), reader);
			while (!stopping) {
				List<IndexedTicket> batch = next.get();
				if (batch.isEmpty()) {
					return;
				}
				long last = batch.get(batch.size() - 1).id();
				next = CompletableFuture.supplyAsync(() -> source.after(last, settings.rebuildBatchSize()), reader);
				build.add(batch);
				indexed += batch.size();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime; // the database, most likely
			}
			throw new IOException(ex.getCause());
		}
		finally {
			reader.shutdownNow();
		}
	}

	/** Stops a running rebuild (its folder is removed) and drops a finished one not yet in use. */
	synchronized void stop() {
		stopping = true;
		if (thread != null) {
			try {
				thread.join(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		IndexGeneration waiting = takeBuilt();
		if (waiting != null) {
			waiting.delete();
		}
	}
}
