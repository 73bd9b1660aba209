package org.helpdesk.durability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A webhook receiver for the crash test, as an integrator runs one: answers 200 to every delivery and records, per
 * ticket, the delivery ids its {@code created} change came under.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<Long, Set<Long>> deliveryIdsByTicket = new ConcurrentHashMap<>();

	WebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.createContext("/hook", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			JsonNode body = JSON.readTree(in.readAllBytes());
			if ("created".equals(body.path("event").asString())) {
				deliveryIdsByTicket.computeIfAbsent(body.get("ticket_id").asLong(), t -> ConcurrentHashMap.newKeySet())
					.add(body.get("id").asLong());
			}
			exchange.sendResponseHeaders(200, -1);
		}
	}

	/** Waits until every one of these tickets was announced, or the time is up; answers the ones still missing. */
	List<Long> awaitTickets(Collection<Long> tickets, Duration limit) {
		try {
			await().atMost(limit).pollInterval(Duration.ofMillis(100)).until(() -> missing(tickets).isEmpty());
		}
		catch (ConditionTimeoutException late) {
			// the caller names the missing ones
		}
		return missing(tickets);
	}

	private List<Long> missing(Collection<Long> tickets) {
		return tickets.stream().filter(t -> !deliveryIdsByTicket.containsKey(t)).sorted().toList();
	}

	List<Long> ticketsWithSeveralDeliveryIds() {
		return deliveryIdsByTicket.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
			.sorted().toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
