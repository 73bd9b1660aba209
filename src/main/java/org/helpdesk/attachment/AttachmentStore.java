package org.helpdesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.HelpdeskSettings;
import org.helpdesk.core.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps attachment bytes on disk under {@code <data-dir>/attachments}, named by a random key. Files written inside a
 * transaction are removed again if it rolls back; files deleted inside one go only after it commits.
 */
@Service
public class AttachmentStore {

	static final int MAX_NAME_LENGTH = 255;

	private final Path root;

	private final AttachmentSettings settings;

	AttachmentStore(HelpdeskSettings helpdesk, AttachmentSettings settings) {
		this.root = helpdesk.dataDir().resolve("attachments").toAbsolutePath().normalize();
		this.settings = settings;
	}

	/** Checks every upload against the limits; throws before anything is written. */
	public void validate(String field, Collection<Upload> uploads) {
		validate(field, uploads, true);
	}

	/**
	 * Checks files that came with an inbound mail: the size limit holds, the extension allowlist does not. The
	 * allowlist guards what people upload through forms and APIs; a mail that arrived must not lose its content
	 * (its original HTML, TNEF {@code winmail.dat}, forwarded {@code .eml}, unnamed {@code part-N.bin}). Every file
	 * is served as a download only ({@link Download}), so keeping it runs nothing.
	 */
	public void validateMailed(String field, Collection<Upload> uploads) {
		validate(field, uploads, false);
	}

	private void validate(String field, Collection<Upload> uploads, boolean checkExtension) {
		List<FieldProblem> problems = new ArrayList<>();
		for (Upload upload : uploads) {
			String name = cleanName(upload.filename());
			if (name.length() > MAX_NAME_LENGTH) {
				problems.add(new FieldProblem(field, "file name is longer than " + MAX_NAME_LENGTH + " characters"));
				continue;
			}
			if (upload.size() > settings.maxSize().toBytes()) {
				problems.add(new FieldProblem(field, name + " is larger than " + settings.maxSize().toMegabytes() + " MB"));
			}
			String extension = extensionOf(name);
			if (checkExtension && !extension.isEmpty() && !settings.allowedExtensions().contains(extension)) {
				problems.add(new FieldProblem(field, "Unsupported file extension: ." + extension));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	public StoredFile store(Upload upload) {
		String key = UUID.randomUUID().toString();
		Path target = pathOf(key);
		try (InputStream in = upload.content().getInputStream()) {
			// the 256 folders exist after the first few files; asking the file system to create one that exists
			// costs an exception each time
			if (!Files.isDirectory(target.getParent())) {
				Files.createDirectories(target.getParent());
			}
			long size = Files.copy(in, target); // a fresh random key: nothing to replace

			afterRollback(() -> deleteQuietly(key));
			String name = storedName(upload.filename());
			return new StoredFile(key, name, mimeTypeOf(name, upload.contentType()), size);
		}
		catch (IOException ex) {
			deleteQuietly(key);
			throw new UncheckedIOException("Could not store attachment", ex);
		}
	}

	public InputStream open(String key) throws IOException {
		return Files.newInputStream(pathOf(key));
	}

	/** Removes the files once the surrounding transaction has committed (at once when there is none). */
	public void deleteAfterCommit(Collection<String> keys) {
		List<String> copy = List.copyOf(keys);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					copy.forEach(AttachmentStore.this::deleteQuietly);
				}
			});
		}
		else {
			copy.forEach(this::deleteQuietly);
		}
	}

	private void afterRollback(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						action.run();
					}
				}
			});
		}
	}

	private void deleteQuietly(String key) {
		try {
			Files.deleteIfExists(pathOf(key));
		}
		catch (IOException ignored) {
			// a file left behind is harmless: nothing refers to it any more
		}
	}

	private Path pathOf(String key) {
		if (!key.matches("[0-9a-f-]{36}")) {
			throw new IllegalArgumentException("Not an attachment key");
		}
		return root.resolve(key.substring(0, 2)).resolve(key);
	}

	/**
	 * The last path segment, without control characters and without trailing dots and spaces, which Windows drops
	 * when it saves the file: {@code x.html.} must meet the extension allowlist as {@code x.html}.
	 */
	static String cleanName(String filename) {
		String name = filename == null ? "" : filename;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"]", "").strip().replaceAll("[.\\s]+$", "");
		return name.isEmpty() ? "attachment" : name;
	}

	/** The stored name: {@link #validate} refused longer ones, so cutting here only guards the column. */
	private static String storedName(String filename) {
		String name = cleanName(filename);
		return name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
	}

	static String extensionOf(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** The type known for the name's extension, else the declared one if it is safe to send back. */
	private static String mimeTypeOf(String name, String declared) {
		return MediaTypeFactory.getMediaType(name).orElseGet(() -> ContentTypes.safe(declared)).toString();
	}
}
