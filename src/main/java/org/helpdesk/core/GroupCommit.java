package org.helpdesk.core;

import java.util.concurrent.locks.ReentrantLock;

import org.h2.mvstore.MVStore;

/**
 * Writes committed changes of the embedded H2 store to its file, one write for many commits. H2's own durable mode
 * ({@code WRITE_DELAY=0}) writes a chunk for every commit, even when an earlier write already carried that commit's
 * changes: with many requests in flight nearly every commit paid for a chunk of its own (the root path of every
 * changed B-tree, the layout map and the chunk header). Here a commit waits for one write that began after it: the
 * first waiter writes everything committed so far while the others queue behind it, and those whose changes that
 * write carried return without writing again (group commit).
 */
final class GroupCommit {

	private final MVStore store;

	private final ReentrantLock writer = new ReentrantLock();

	/** Every change made before the store reached this version is in the file. */
	private volatile long writtenThrough = -1;

	GroupCommit(MVStore store) {
		this.store = store;
	}

	/** Returns once everything committed before this call is in the file (the operating system has it). */
	void awaitWritten() {
		// a write that takes the next version collects the maps after this moment, so it carries our changes
		long needed = store.getCurrentVersion() + 1;
		if (writtenThrough >= needed) {
			return;
		}
		writer.lock();
		try {
			if (writtenThrough >= needed || store.isClosed()) {
				return;
			}
			long before = store.getCurrentVersion();
			long written = store.commit();
			// no new version: nothing was unsaved, so everything up to the current version is in the file already
			writtenThrough = Math.max(writtenThrough, written < 0 ? before : written);
		} finally {
			writer.unlock();
		}
	}
}
