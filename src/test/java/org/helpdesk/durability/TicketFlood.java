package org.helpdesk.durability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;

/**
 * Several integrations creating tickets through the legacy API at once, remembering every ticket the server
 * acknowledged with 200 and its id: the promise a crash must not break.
 */
final class TicketFlood implements AutoCloseable {

	private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final CountDownLatch enough;

	private final ExecutorService senders;

	TicketFlood(HelpdeskClient client, Map<String, String> credentialsAndQueue, int threads, int enough) {
		this.enough = new CountDownLatch(enough);
		this.senders = Executors.newFixedThreadPool(threads);
		for (int thread = 0; thread < threads; thread++) {
			int sender = thread;
			senders.execute(() -> send(client, credentialsAndQueue, sender));
		}
	}

	/** Waits until at least {@code enough} tickets are acknowledged; false if that took longer than the limit. */
	boolean awaitEnough(long seconds) throws InterruptedException {
		return enough.await(seconds, TimeUnit.SECONDS);
	}

	/** Every ticket acknowledged so far: id and title. */
	Map<Long, String> acknowledged() {
		return Map.copyOf(acknowledged);
	}

	@Override
	public void close() throws InterruptedException {
		stopped.set(true);
		senders.shutdownNow();
		senders.awaitTermination(30, TimeUnit.SECONDS);
	}

	private void send(HelpdeskClient client, Map<String, String> credentialsAndQueue, int sender) {
		for (int n = 0; !stopped.get(); n++) {
			String title = "Crash test " + sender + "-" + n;
			var fields = new LinkedHashMap<>(credentialsAndQueue);
			fields.put("title", title);
			fields.put("body", "Ticket " + n + " of sender " + sender);
			try {
				Response response = client.legacy("create_ticket", fields);
				if (response.status() == 200) {
					acknowledged.put(Long.parseLong(response.body().trim()), title);
					enough.countDown();
				}
			}
			catch (IllegalStateException connectionLost) {
				// the server was killed while this request was in flight: it was never acknowledged
				return;
			}
		}
	}
}
