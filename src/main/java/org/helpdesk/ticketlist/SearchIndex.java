package org.helpdesk.ticketlist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.helpdesk.core.HelpdeskSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's search index: the build in use, which searches read from any thread, and the switch to a new build
 * once a rebuild has caught up. Opened and closed by {@link SearchFeed}.
 */
@Component
class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	/** A searcher of the index in use; close it when the search is done. */
	record Lease(IndexGeneration generation, IndexSearcher searcher) implements AutoCloseable {

		@Override
		public void close() {
			try {
				generation.searchers().release(searcher);
			}
			catch (IOException | AlreadyClosedException ex) {
				// the index was replaced meanwhile; its reader closes with its last user
			}
		}
	}

	private final Path root;

	private IndexFolders folders;

	private volatile IndexGeneration current;

	SearchIndex(SearchSettings settings, HelpdeskSettings helpdesk) {
		this.root = settings.directory().isBlank() ? helpdesk.dataDir().resolve("search-index")
				: Path.of(settings.directory());
	}

	/**
	 * Claims this node's folder and opens the index in use there. Returns false when there is none that can be
	 * used (never built, damaged, of another version or schema): it must be rebuilt.
	 */
	synchronized boolean open() throws IOException {
		folders = IndexFolders.claim(root);
		Optional<Path> path = folders.current();
		if (path.isPresent()) {
			try {
				current = IndexGeneration.open(path.get());
				folders.removeAllBut(path.get());
				log.info("Search index {} opened at change-log position {}", path.get(), current.position());
				return true;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Search index {} cannot be used and will be rebuilt: {}", path.get(), ex.toString());
			}
		}
		folders.removeAllBut();
		return false;
	}

	/** Whether this node has a folder for its index (else keyword search is off). */
	synchronized boolean opened() {
		return folders != null;
	}

	/** The build in use; null while there is none. */
	IndexGeneration current() {
		return current;
	}

	/** The change-log position the index in use holds everything up to; 0 while there is none. */
	long position() {
		IndexGeneration generation = current;
		return generation == null ? 0 : generation.position();
	}

	/** A new, empty build in a folder of its own, to be filled and then put in use by {@link #use}. */
	synchronized IndexGeneration newBuild(long position, double bufferMb) throws IOException {
		return IndexGeneration.create(folders.next(), position, bufferMb);
	}

	/** Puts a finished build in use, and removes the one it replaces. */
	synchronized void use(IndexGeneration build) throws IOException {
		build.commit();
		build.refresh();
		folders.use(build.path());
		IndexGeneration old = current;
		current = build;
		if (old != null) {
			old.delete();
		}
		log.info("Search index {} in use at change-log position {}", build.path(), build.position());
	}

	/** A searcher of the index in use; empty while there is none. */
	Optional<Lease> acquire() {
		for (int attempt = 0; attempt < 2; attempt++) {
			IndexGeneration generation = current;
			if (generation == null) {
				return Optional.empty();
			}
			try {
				return Optional.of(new Lease(generation, generation.searchers().acquire()));
			}
			catch (AlreadyClosedException replaced) {
				// a rebuild was put in use just now: take that one
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex); // acquiring only counts a reference; it does no I/O
			}
		}
		return Optional.empty();
	}

	synchronized void close() {
		if (current != null) {
			current.close();
			current = null;
		}
		if (folders != null) {
			folders.close();
			folders = null;
		}
	}
}
