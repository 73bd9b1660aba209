package org.helpdesk.ticketlist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One index in its own folder, with its writer and its searchers. Each commit records the change-log position
 * that the index holds everything up to, and the {@link SearchFields#SCHEMA} it was written with. The feed thread
 * is its only writer; searches may use it from any thread.
 */
final class IndexGeneration implements AutoCloseable {

	static final String POSITION = "position";

	static final String SCHEMA = "schema";

	/** An index that cannot be used as it is: written with another schema. */
	static final class Unusable extends IOException {

		Unusable(String message) {
			super(message);
		}
	}

	private final Path path;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private volatile long position;

	private volatile boolean broken;

	private boolean uncommitted;

	private long committedAt = System.nanoTime();

	private IndexGeneration(Path path, Directory directory, IndexWriter writer, long position) throws IOException {
		this.path = path;
		this.directory = directory;
		this.writer = writer;
		this.position = position;
		this.searchers = new SearcherManager(writer, true, false, null);
	}

	/** A new, empty index in a new folder, starting at {@code position}. */
	static IndexGeneration create(Path path, long position, double bufferMb) throws IOException {
		Files.createDirectories(path);
		Directory directory = FSDirectory.open(path);
		try {
			IndexWriter writer = new IndexWriter(directory, config(bufferMb).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
			IndexGeneration generation = new IndexGeneration(path, directory, writer, position);
			generation.uncommitted = true;
			generation.commit();
			return generation;
		}
		catch (IOException | RuntimeException ex) {
			IOUtils.closeWhileHandlingException(directory);
			throw ex;
		}
	}

	/**
	 * The index in this folder as its last commit left it. Fails when there is none, when it is damaged (Lucene
	 * checks every file it opens against its checksum), of a Lucene version this one cannot read, or of another
	 * schema.
	 */
	static IndexGeneration open(Path path) throws IOException {
		Directory directory = FSDirectory.open(path);
		try {
			Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
			if (!SearchFields.SCHEMA.equals(data.get(SCHEMA))) {
				throw new Unusable("written with search schema " + data.get(SCHEMA) + ", this version uses "
						+ SearchFields.SCHEMA);
			}
			long position = Long.parseLong(data.getOrDefault(POSITION, "0"));
			// opening a reader reads every segment's metadata, which finds most damage before a search does
			DirectoryReader.open(directory).close();
			IndexWriter writer = new IndexWriter(directory, config(16).setOpenMode(IndexWriterConfig.OpenMode.APPEND));
			return new IndexGeneration(path, directory, writer, position);
		}
		catch (NumberFormatException ex) {
			IOUtils.closeWhileHandlingException(directory);
			throw new Unusable("no readable position");
		}
		catch (IOException | RuntimeException ex) {
			IOUtils.closeWhileHandlingException(directory);
			throw ex;
		}
	}

	private static IndexWriterConfig config(double bufferMb) {
		return new IndexWriterConfig(SearchAnalysis.forDocuments()).setCommitOnClose(false)
			.setRAMBufferSizeMB(bufferMb);
	}

	Path path() {
		return path;
	}

	/** The change-log position this index holds everything up to (searchable after {@link #refresh()}). */
	long position() {
		return position;
	}

	/** Adds or replaces these tickets' documents, removes those of tickets that are gone, and moves on. */
	void apply(Collection<IndexedTicket> current, Collection<Long> gone, long upTo) throws IOException {
		for (IndexedTicket ticket : current) {
			writer.updateDocument(SearchFields.key(ticket.id()), SearchFields.document(ticket));
		}
		for (long id : gone) {
			writer.deleteDocuments(SearchFields.key(id));
		}
		position = upTo;
		uncommitted = true;
	}

	/** Adds documents of tickets that are not in the index yet (a rebuild). */
	void add(Collection<IndexedTicket> tickets) throws IOException {
		for (IndexedTicket ticket : tickets) {
			writer.addDocument(SearchFields.document(ticket));
		}
		uncommitted = true;
	}

	/** Makes what was applied searchable. */
	void refresh() throws IOException {
		searchers.maybeRefreshBlocking();
	}

	/** Makes what was applied durable, with the position it reached. */
	void commit() throws IOException {
		if (!uncommitted) {
			return;
		}
		writer.setLiveCommitData(Map.of(POSITION, Long.toString(position), SCHEMA, SearchFields.SCHEMA).entrySet());
		writer.commit();
		uncommitted = false;
		committedAt = System.nanoTime();
	}

	/** Commits when the last commit is at least this many nanoseconds old. */
	void commitIfOlderThan(long nanos) throws IOException {
		if (uncommitted && System.nanoTime() - committedAt >= nanos) {
			commit();
		}
	}

	SearcherManager searchers() {
		return searchers;
	}

	/** A write failed (the folder went away, a disk error): nothing more is written here. */
	void markBroken() {
		broken = true;
	}

	boolean broken() {
		return broken || writer.getTragicException() != null || !Files.isDirectory(path);
	}

	/** Commits what is uncommitted (unless broken) and closes. Searches still running finish on what they hold. */
	@Override
	public void close() {
		try {
			if (!broken()) {
				commit();
			}
		}
		catch (IOException | RuntimeException ex) {
			// the next start reads the log again from the last commit
		}
		IOUtils.closeWhileHandlingException(searchers, writer, directory);
	}

	/** Closes and removes the folder. */
	void delete() {
		markBroken();
		close();
		IndexFolders.delete(path);
	}
}
