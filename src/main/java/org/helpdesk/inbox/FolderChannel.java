package org.helpdesk.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * A local folder an MTA delivers into (one message per file): every regular file, oldest name first, deleted after
 * its change committed. Hidden files and {@code .tmp} files are being written and are left alone, so an MTA writes
 * a message under such a name and renames it when it is complete.
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
			if (taker.take(key, raw)) {
				Files.deleteIfExists(file);
			}
		}
		return handed;
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
