package org.helpdesk.ticketlist;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.store.AlreadyClosedException;
import org.helpdesk.core.PeriodicWork;
import org.helpdesk.ticket.ChangeLog;
import org.helpdesk.ticket.ChangeLogAdvanced;
import org.helpdesk.ticket.LoggedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's search index in step with the change log. It reads the changes after the index's position a
 * batch at a time, reads the tickets they touched as they are now (one read per batch: a ticket changed ten times
 * is indexed once), replaces or removes their documents and makes them searchable at once; a commit with the new
 * position follows at most {@code commit-interval} later. It runs as soon as this node's sequencer gave positions
 * ({@link ChangeLogAdvanced}) and every {@code poll-interval} for other nodes' changes.
 * <p>
 * It also decides when to rebuild (see {@link SearchRebuild}): when there is no usable index, when the index can no
 * longer be written (its folder was deleted, a disk error), and when the log no longer holds the changes the index
 * would need next (retention removed them) or the index claims a position the log never reached (another database).
 */
@Component
class SearchFeed extends PeriodicWork {

	private static final Logger log = LoggerFactory.getLogger(SearchFeed.class);

	private final ChangeLog changes;

	private final IndexSource source;

	private final SearchIndex index;

	private final SearchRebuild rebuild;

	private final SearchSettings settings;

	/** A finished rebuild that is catching up with the log before it is put in use; only the feed thread uses it. */
	private IndexGeneration catchingUp;

	SearchFeed(ChangeLog changes, IndexSource source, SearchIndex index, SearchRebuild rebuild,
			SearchSettings settings) {
		super("search-index", settings.pollInterval(), settings.refreshInterval());
		this.changes = changes;
		this.source = source;
		this.index = index;
		this.rebuild = rebuild;
		this.settings = settings;
	}

	@Override
	public void start() {
		try {
			if (!index.open()) {
				rebuild.start("no usable index", this::nudge);
			}
		}
		catch (IOException ex) {
			log.error("The search index folder cannot be used; keyword search is off on this node: {}", ex.toString());
		}
		super.start();
	}

	@Override
	public void stop() {
		super.stop();
		rebuild.stop();
		if (catchingUp != null) {
			catchingUp.delete();
			catchingUp = null;
		}
		index.close();
	}

	/** The sequencer gave positions: read on at once. */
	@EventListener
	void on(ChangeLogAdvanced advanced) {
		nudge();
	}

	@Override
	protected void run() {
		if (!index.opened()) {
			return;
		}
		long head = changes.head();
		useFinishedRebuild(head);
		IndexGeneration current = index.current();
		if (current == null) {
			if (catchingUp == null) {
				rebuild.start("no usable index", this::nudge);
			}
			return;
		}
		if (current.broken()) {
			rebuild.start("the index can no longer be written", this::nudge);
			return;
		}
		if (head < current.position()) {
			rebuild.start("the index is ahead of the change log (position " + current.position() + ", head " + head
					+ "): it belongs to another database", this::nudge);
			return;
		}
		if (head > current.position()) {
			long oldest = changes.oldestPosition();
			if (oldest > current.position() + 1) {
				// keep taking in what the log still has, so the index in use stays as fresh as it can
				rebuild.start("the change log no longer holds the changes after position " + current.position(),
						this::nudge);
			}
			catchUp(current, head);
		}
		commit(current);
	}

	/** Catches a finished rebuild up with the log and puts it in use. */
	private void useFinishedRebuild(long head) {
		IndexGeneration built = rebuild.takeBuilt();
		if (built != null) {
			catchingUp = built;
		}
		if (catchingUp == null) {
			return;
		}
		if (changes.oldestPosition() > catchingUp.position() + 1) {
			log.warn("The change log no longer holds what the rebuilt search index needs; rebuilding again");
			drop();
			return;
		}
		if (catchUp(catchingUp, head) && catchingUp.position() >= head) {
			try {
				index.use(catchingUp);
			}
			catch (IOException | AlreadyClosedException ex) {
				log.warn("The rebuilt search index could not be put in use: {}", ex.toString());
				drop();
				return;
			}
			catchingUp = null;
			rebuild.done();
		}
		else if (catchingUp.broken()) {
			drop();
		}
	}

	private void drop() {
		catchingUp.delete();
		catchingUp = null;
		rebuild.done();
	}

	/**
	 * Applies the log up to {@code head} (or a little beyond) to this build. Returns false when the build failed and
	 * is broken; a database failure is not the index's fault and propagates (the next run tries again).
	 */
	private boolean catchUp(IndexGeneration build, long head) {
		while (build.position() < head && !build.broken()) {
			List<LoggedChange> batch = changes.after(build.position(), settings.batchSize());
			if (batch.isEmpty()) {
				return true;
			}
			Set<Long> touched = new LinkedHashSet<>();
			batch.forEach(change -> touched.add(change.ticketId()));
			Map<Long, IndexedTicket> current = source.current(touched);
			touched.removeAll(current.keySet());
			try {
				build.apply(current.values(), touched, batch.get(batch.size() - 1).position());
				build.refresh();
			}
			catch (IOException | AlreadyClosedException ex) {
				log.warn("Writing the search index {} failed: {}", build.path(), ex.toString());
				build.markBroken();
				return false;
			}
		}
		return !build.broken();
	}

	private void commit(IndexGeneration build) {
		try {
			build.commitIfOlderThan(settings.commitInterval().toNanos());
		}
		catch (IOException | AlreadyClosedException ex) {
			log.warn("Committing the search index {} failed: {}", build.path(), ex.toString());
			build.markBroken();
		}
	}
}
