package org.helpdesk.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.helpdesk.core.ClusterJobs;
import org.helpdesk.queue.Mailbox;
import org.helpdesk.queue.MailboxType;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * IMAP IDLE: for each IMAP mailbox whose server offers it, one thread keeps a connection in IDLE and asks for a
 * poll as soon as the server reports new mail, so that mail becomes a ticket within seconds instead of at the next
 * interval. One node of the cluster watches a mailbox at a time (lock {@code mailbox-idle-<queue id>}); the poll
 * itself goes through the usual path and lock. A session is renewed every {@code idle-renew}; the interval polls
 * go on as before, so a lost IDLE connection only makes mail slower.
 */
@Component
class ImapIdle {

	private static final Logger log = LoggerFactory.getLogger(ImapIdle.class);

	private final Map<Long, Watcher> watchers = new ConcurrentHashMap<>();

	private final ImapChannel imap;

	private final MailSessions sessions;

	private final QueueManagement queues;

	private final ClusterJobs cluster;

	private final MailboxSettings settings;

	ImapIdle(ImapChannel imap, MailSessions sessions, QueueManagement queues, ClusterJobs cluster,
			MailboxSettings settings) {
		this.imap = imap;
		this.sessions = sessions;
		this.queues = queues;
		this.cluster = cluster;
		this.settings = settings;
	}

	/** Watches exactly the IMAP mailboxes among these queues, restarting a watcher whose settings changed. */
	void watch(List<Queue> polled, LongConsumer onNewMail) {
		Map<Long, Mailbox> imapBoxes = polled.stream().filter(q -> q.mailbox().type() == MailboxType.IMAP)
			.collect(Collectors.toMap(Queue::id, Queue::mailbox));
		for (Long id : Set.copyOf(watchers.keySet())) {
			if (!watchers.get(id).box.equals(imapBoxes.get(id))) {
				watchers.remove(id).stop();
			}
		}
		imapBoxes.forEach((id, box) -> watchers.computeIfAbsent(id, key -> new Watcher(key, box, onNewMail).start()));
	}

	void stopAll() {
		watchers.values().forEach(Watcher::stop);
		watchers.clear();
	}

	private final class Watcher implements Runnable {

		private final long queueId;

		private final Mailbox box;

		private final LongConsumer onNewMail;

		private volatile boolean running = true;

		private volatile boolean unsupported;

		private volatile boolean failed;

		private volatile Store store;

		private Thread thread;

		Watcher(long queueId, Mailbox box, LongConsumer onNewMail) {
			this.queueId = queueId;
			this.box = box;
			this.onNewMail = onNewMail;
		}

		Watcher start() {
			thread = new Thread(this, "mailbox-idle-" + queueId);
			thread.setDaemon(true);
			thread.start();
			return this;
		}

		@Override
		public void run() {
			while (running && !unsupported) {
				failed = false;
				boolean ran = cluster.runOnce("mailbox-idle-" + queueId, settings.idleRenew().plusMinutes(1),
						Duration.ZERO, this::session);
				Duration pause = !ran ? Duration.ofSeconds(10) : failed ? Duration.ofSeconds(box.intervalSeconds())
						: Duration.ZERO;
				if (!pause.isZero() && !pauseFor(pause)) {
					return;
				}
			}
		}

		private void session() {
			try {
				String password = queues.mailboxPassword(queueId).orElse("");
				MailboxAccess access = new MailboxAccess(queueId, box, password);
				store = imap.connect(access,
						sessions.session(ImapChannel.protocol(access), settings.idleRenew().plusSeconds(30)));
				if (!((IMAPStore) store).hasCapability("IDLE")) {
					unsupported = true;
					log.info("The IMAP server of queue {} does not offer IDLE; its mailbox is polled every {} s",
							queueId, box.intervalSeconds());
					return;
				}
				IMAPFolder folder = (IMAPFolder) store.getFolder(box.imapFolder());
				folder.open(Folder.READ_ONLY);
				folder.addMessageCountListener(new MessageCountAdapter() {
					@Override
					public void messagesAdded(MessageCountEvent event) {
						onNewMail.accept(queueId);
					}
				});
				// mail that came while no IDLE was listening (before this session, between two) is fetched now
				onNewMail.accept(queueId);
				Instant renew = Instant.now().plus(settings.idleRenew());
				while (running && Instant.now().isBefore(renew)) {
					folder.idle(true);
				}
			}
			catch (Exception ex) {
				// the interval polls report what is wrong with the mailbox; an IDLE connection only retries
				failed = running;
				log.debug("IDLE on the mailbox of queue {} ended: {}", queueId, ex.toString());
			}
			finally {
				close();
			}
		}

		private boolean pauseFor(Duration pause) {
			try {
				Thread.sleep(pause.toMillis());
				return running;
			}
			catch (InterruptedException ex) {
				return false;
			}
		}

		private void close() {
			Store current = store;
			if (current != null) {
				try {
					current.close();
				}
				catch (Exception ignored) {
					// closing a connection that is gone already
				}
			}
		}

		void stop() {
			running = false;
			close();
			if (thread != null) {
				thread.interrupt();
			}
		}
	}
}
