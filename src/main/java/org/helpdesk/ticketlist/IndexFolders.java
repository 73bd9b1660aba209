package org.helpdesk.ticketlist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;

/**
 * The folder of this node's index. Nodes may share a data dir, so each takes the first {@code node-<n>} folder no
 * other running node holds (a Lucene lock, which the operating system drops when the process ends). Any node's
 * index serves any other: all follow the same change log. Inside, each build of the index has a folder of its own
 * ({@code index-<time>}), and the file {@code current} names the one in use; it is replaced in one atomic move when
 * a rebuild is done.
 */
final class IndexFolders implements AutoCloseable {

	private static final int MAX_NODES = 100;

	private static final String CURRENT = "current";

	private final Path slot;

	private final Directory lockDirectory;

	private final Lock lock;

	private IndexFolders(Path slot, Directory lockDirectory, Lock lock) {
		this.slot = slot;
		this.lockDirectory = lockDirectory;
		this.lock = lock;
	}

	/** Takes the first free node folder under {@code root}. */
	static IndexFolders claim(Path root) throws IOException {
		for (int n = 1; n <= MAX_NODES; n++) {
			Path slot = root.resolve("node-" + n);
			Files.createDirectories(slot);
			Directory directory = FSDirectory.open(slot);
			try {
				return new IndexFolders(slot, directory, directory.obtainLock("node.lock"));
			}
			catch (LockObtainFailedException taken) {
				directory.close();
			}
		}
		throw new IOException("all " + MAX_NODES + " node folders in " + root + " are in use");
	}

	Path slot() {
		return slot;
	}

	/** The folder of the index in use, if one was ever completed. */
	Optional<Path> current() throws IOException {
		try {
			String name = Files.readString(slot.resolve(CURRENT), StandardCharsets.UTF_8).strip();
			return name.matches("index-\\d+") ? Optional.of(slot.resolve(name)) : Optional.empty();
		}
		catch (NoSuchFileException none) {
			return Optional.empty();
		}
	}

	/** A folder for a new build; it becomes the one in use only through {@link #use(Path)}. */
	Path next() {
		long now = System.currentTimeMillis();
		Path path = slot.resolve("index-" + now);
		while (Files.exists(path)) {
			path = slot.resolve("index-" + ++now);
		}
		return path;
	}

	/** Makes this folder the one in use, in one atomic step. */
	void use(Path generation) throws IOException {
		Path written = slot.resolve(CURRENT + ".next");
		Files.writeString(written, generation.getFileName().toString(), StandardCharsets.UTF_8);
		Files.move(written, slot.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Removes the folders of builds other than these (left over from a rebuild that a stop cut short). */
	void removeAllBut(Path... keep) throws IOException {
		try (Stream<Path> children = Files.list(slot)) {
			children.filter(p -> p.getFileName().toString().startsWith("index-"))
				.filter(p -> Stream.of(keep).noneMatch(p::equals))
				.forEach(IndexFolders::delete);
		}
	}

	/** Deletes a folder and what is in it, as far as it can. */
	static void delete(Path folder) {
		try {
			if (!Files.exists(folder)) {
				return;
			}
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			// a file still open elsewhere, say: the next start removes what is left (see removeAllBut)
		}
	}

	@Override
	public void close() {
		IOUtils.closeWhileHandlingException(lock, lockDirectory);
	}
}
