package org.helpdesk.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * A local folder an MTA delivers into (one message per file): every regular file, in the order of the names,
 * deleted after its change committed. Hidden files and {@code .tmp} files are being written and are left alone, so
 * an MTA writes a message under such a name and renames it when it is complete.
 */
@Component
class FolderChannel implements MailChannel {

	@Override
	public int count(MailboxAccess access) throws IOException {
		return waiting(access).size();
	}

	@Override
	public int poll(MailboxAccess access, MessageTaker taker) throws IOException {
		int handed = 0;
		Map<String, Path> files = new HashMap<>();
		PendingMessages pending = new PendingMessages(taker);
		for (Path file : waiting(access)) {
			String key = "local:" + file.getFileName();
			if (taker.full()) {
				break;
			}
			if (taker.kept(key)) {
				continue;
			}
			byte[] raw;
			try {
				raw = Files.readAllBytes(file);
			}
			catch (NoSuchFileException gone) {
				continue;
			}
			handed++;
			files.put(key, file);
			delete(pending.add(key, raw), files);
		}
		delete(pending.finish(), files);
		return handed;
	}

	private static void delete(Set<String> taken, Map<String, Path> files) throws IOException {
		for (String key : taken) {
			Files.deleteIfExists(files.remove(key));
		}
	}

	private static List<Path> waiting(MailboxAccess access) throws IOException {
		Path dir = Path.of(access.box().localDir());
		if (!Files.isDirectory(dir)) {
			throw new NoSuchFileException(dir.toString(), null, "is not a folder");
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(FolderChannel::complete).sorted().toList();
		}
	}

	private static boolean complete(Path file) {
		String name = file.getFileName().toString();
		return !name.startsWith(".") && !name.endsWith(".tmp") && Files.isRegularFile(file);
	}
}
