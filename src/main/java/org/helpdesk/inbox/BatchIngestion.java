package org.helpdesk.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Takes a batch of messages from one mailbox in on several threads, as fast as the database commits them, without
 * changing what any of them does. Messages that may thread onto each other go one after another in the order the
 * mailbox gave them: a reply and the message it answers (the Message-IDs it names), replies to the same message,
 * messages with the same Message-ID, and messages that name the same ticket in their subject. Every other message is
 * independent of the rest and is taken in beside them. Each message is still taken in by {@link MailIngestion} in a
 * transaction of its own, and is answered only after it committed.
 */
@Component
class BatchIngestion implements DisposableBean {

	/** What became of one message: its outcome, or the failure that left it in the mailbox. */
	record Taken(IngestOutcome outcome, RuntimeException failure) {
	}

	private final MailIngestion ingestion;

	private final ExecutorService threads;

	BatchIngestion(MailIngestion ingestion, MailboxSettings settings) {
		this.ingestion = ingestion;
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(Math.max(1, settings.ingestThreads()), task -> {
			Thread thread = new Thread(task, "mail-ingest-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts taking the messages in on this bean's threads and answers what became of each, in their order, once all
	 * are done; the caller's thread is free meanwhile (a channel reads the next batch from its mailbox). A message
	 * after a failed one in its lane is not tried (it may answer the failed one) and fails with it.
	 */
	CompletableFuture<List<Taken>> ingestLater(long queueId, List<byte[]> raws, MailSource source) {
		return all(raws.stream().map(raw -> CompletableFuture.supplyAsync(() -> ingestion.read(raw), threads)).toList())
			.thenCompose(read -> {
				Taken[] taken = new Taken[raws.size()];
				return all(lanes(read).stream()
					.map(lane -> CompletableFuture.runAsync(() -> takeIn(queueId, read, lane, taken, source), threads))
					.toList()).thenApply(done -> List.of(taken));
			});
	}

	private void takeIn(long queueId, List<MailIngestion.Read> read, List<Integer> lane, Taken[] taken,
			MailSource source) {
		RuntimeException failed = null;
		for (int index : lane) {
			if (failed != null) {
				taken[index] = new Taken(null, failed);
				continue;
			}
			try {
				taken[index] = new Taken(ingestion.ingest(queueId, read.get(index), source), null);
			}
			catch (RuntimeException ex) {
				failed = ex;
				taken[index] = new Taken(null, ex);
			}
		}
	}

	/**
	 * The messages, by index, in lanes: each lane in mailbox order, every message in the lane of any other it is tied
	 * to (a Message-ID one of them has or names, or a ticket tag both subjects carry).
	 */
	static List<List<Integer>> lanes(List<MailIngestion.Read> messages) {
		int[] parent = new int[messages.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		Map<String, Integer> firstWith = new HashMap<>();
		for (int i = 0; i < messages.size(); i++) {
			for (String tie : ties(messages.get(i).mail())) {
				Integer other = firstWith.putIfAbsent(tie, i);
				if (other != null) {
					parent[root(parent, i)] = root(parent, other);
				}
			}
		}
		Map<Integer, List<Integer>> lanes = new LinkedHashMap<>();
		for (int i = 0; i < messages.size(); i++) {
			lanes.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
		}
		return List.copyOf(lanes.values());
	}

	private static List<String> ties(ParsedMail mail) {
		if (mail == null) {
			return List.of(); // quarantined whatever else comes
		}
		List<String> ties = new ArrayList<>();
		if (mail.messageId() != null) {
			ties.add("id:" + mail.messageId());
		}
		mail.inReplyTo().forEach(id -> ties.add("id:" + id));
		mail.references().forEach(id -> ties.add("id:" + id));
		Matcher tag = MailThreading.SUBJECT_TAG.matcher(mail.subject() == null ? "" : mail.subject());
		while (tag.find()) {
			ties.add("tag:" + tag.group(2));
		}
		return ties;
	}

	private static int root(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/** The results of all the tasks, in their order, once every one is done. */
	private static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> tasks) {
		return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new))
			.thenApply(done -> tasks.stream().map(CompletableFuture::join).toList());
	}

	@Override
	public void destroy() {
		threads.shutdown();
	}
}
