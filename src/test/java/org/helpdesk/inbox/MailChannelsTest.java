package org.helpdesk.inbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.user.GreenMailUser;
import org.helpdesk.queue.Mailbox;
import org.helpdesk.queue.MailboxType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels against real servers and a real folder: a message leaves only when the taker says so, one the taker
 * keeps stays and is not handed over again, and a full taker ends the poll.
 */
class MailChannelsTest {

	private static final MailboxSettings SETTINGS = new MailboxSettings(true, 2, Duration.ofSeconds(1),
			Duration.ofSeconds(5), Duration.ofSeconds(10), false, Duration.ofMinutes(5), 1000, 2, Duration.ofMinutes(5),
			true);

	private final MailSessions sessions = new MailSessions(SETTINGS);

	@Test
	void imapKeepsWhatTheTakerKeepsAndDoesNotHandItOverAgain() throws Exception {
		GreenMailUser user = MailServers.newUser();
		MailServers.deliver(user, "keep me");
		MailServers.deliver(user, "take me");
		MailboxAccess access = server(MailboxType.IMAP, MailServers.imapPort(), user);

		keepsAndSkips(new ImapChannel(sessions), access, () -> MailServers.waiting(user));
	}

	@Test
	void pop3KeepsWhatTheTakerKeepsAndDoesNotHandItOverAgain() throws Exception {
		GreenMailUser user = MailServers.newUser();
		MailServers.deliver(user, "keep me");
		MailServers.deliver(user, "take me");
		MailboxAccess access = server(MailboxType.POP3, MailServers.pop3Port(), user);

		keepsAndSkips(new Pop3Channel(sessions), access, () -> MailServers.waiting(user));
	}

	@Test
	void aFolderKeepsWhatTheTakerKeepsAndDoesNotHandItOverAgain(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("1.eml"), MailboxPollingTests.message("keep me"), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("2.eml"), MailboxPollingTests.message("take me"), StandardCharsets.UTF_8);
		MailboxAccess access = new MailboxAccess(1, new Mailbox(MailboxType.LOCAL, null, null, false, null, false,
				null, dir.toString(), 60), "");

		keepsAndSkips(new FolderChannel(), access, () -> (int) Files.list(dir).count());
	}

	@Test
	void aFullTakerEndsThePollAndLeavesTheRest() throws Exception {
		GreenMailUser user = MailServers.newUser();
		for (int i = 0; i < 3; i++) {
			MailServers.deliver(user, "message " + i);
		}
		RecordingTaker taker = new RecordingTaker(new HashSet<>(), 2);

		int handed = new ImapChannel(sessions).poll(server(MailboxType.IMAP, MailServers.imapPort(), user), taker);

		assertThat(handed).isEqualTo(2);
		assertThat(MailServers.waiting(user)).isEqualTo(1);
	}

	@Test
	void theConnectionCountIsTheNumberOfWaitingMessages() throws Exception {
		GreenMailUser user = MailServers.newUser();
		MailServers.deliver(user, "one");
		MailServers.deliver(user, "two");

		assertThat(new ImapChannel(sessions).count(server(MailboxType.IMAP, MailServers.imapsPort(), user, true)))
			.isEqualTo(2);
		assertThat(new Pop3Channel(sessions).count(server(MailboxType.POP3, MailServers.pop3Port(), user)))
			.isEqualTo(2);
	}

	private static void keepsAndSkips(MailChannel channel, MailboxAccess access, Waiting waiting) throws Exception {
		Set<String> kept = new HashSet<>();
		RecordingTaker first = new RecordingTaker(kept, 100);
		channel.poll(access, first);
		assertThat(first.subjects).hasSize(2);
		assertThat(waiting.count()).as("the kept message is still there").isEqualTo(1);

		RecordingTaker second = new RecordingTaker(kept, 100);
		channel.poll(access, second);
		assertThat(second.subjects).as("handed over again").isEmpty();
		assertThat(waiting.count()).isEqualTo(1);
	}

	private static MailboxAccess server(MailboxType type, int port, GreenMailUser user) {
		return server(type, port, user, false);
	}

	private static MailboxAccess server(MailboxType type, int port, GreenMailUser user, boolean ssl) {
		return new MailboxAccess(1, new Mailbox(type, "127.0.0.1", port, ssl, user.getLogin(), true, "INBOX", null,
				60), MailServers.password(user.getLogin()));
	}

	interface Waiting {

		int count() throws Exception;
	}

	/** Keeps a message whose subject says "keep me", takes the others, and is full after {@code batch}. */
	private static final class RecordingTaker implements MailChannel.MessageTaker {

		final List<String> subjects = new ArrayList<>();

		private final Set<String> kept;

		private final int batch;

		RecordingTaker(Set<String> kept, int batch) {
			this.kept = kept;
			this.batch = batch;
		}

		@Override
		public boolean kept(String key) {
			return kept.contains(key);
		}

		@Override
		public MailChannel.Taking take(List<MailChannel.Waiting> batch) {
			Set<String> remove = new HashSet<>();
			for (MailChannel.Waiting message : batch) {
				String text = new String(message.raw(), StandardCharsets.UTF_8);
				subjects.add(text);
				if (text.contains("Subject: keep me")) {
					kept.add(message.key());
				}
				else {
					remove.add(message.key());
				}
			}
			return () -> remove;
		}

		@Override
		public int batch() {
			return 1;
		}

		@Override
		public int room() {
			return batch - subjects.size();
		}

		@Override
		public boolean full() {
			return subjects.size() >= batch;
		}
	}
}
