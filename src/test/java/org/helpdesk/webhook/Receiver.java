package org.helpdesk.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a random local port, as an integrator would run one: it records every request and answers
 * as scripted, request after request ({@link #script}: a status code, or {@link #STALL} to answer only after the
 * helpdesk's read timeout), then with {@link #fallback}.
 */
final class Receiver implements AutoCloseable {

	/** Answers after this long: past the read timeout the tests give the helpdesk. */
	static final int STALL = -1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One request as it arrived, and the status it was answered with ({@link #STALL} if it was left hanging). */
	record Request(String path, Map<String, List<String>> headers, String body, int answered, Instant at) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
				.map(e -> e.getValue().get(0)).orElse(null);
		}

		JsonNode json() {
			return JSON.readTree(body);
		}

		long deliveryId() {
			return Long.parseLong(header("Helpdesk-Delivery"));
		}

		boolean succeeded() {
			return answered >= 200 && answered < 300;
		}
	}

	private final HttpServer server;

	private final ConcurrentLinkedDeque<Integer> script = new ConcurrentLinkedDeque<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile int fallback = 200;

	private final Duration stall;

	Receiver(Duration stall) throws IOException {
		this.stall = stall;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/", this::handle);
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	int port() {
		return server.getAddress().getPort();
	}

	/** The next requests are answered with these, in order. */
	void script(Integer... answers) {
		script.addAll(List.of(answers));
	}

	void answerAll(int status) {
		fallback = status;
	}

	List<Request> requests() {
		return List.copyOf(requests);
	}

	List<Request> requests(Predicate<Request> which) {
		return requests.stream().filter(which).toList();
	}

	static List<Request> to(List<Request> requests, String path) {
		return requests.stream().filter(r -> r.path().equals(path)).toList();
	}

	/** Polls until the condition holds, up to {@code limit}; fails the test with {@code what} otherwise. */
	static void await(String what, Duration limit, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(limit);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Integer scripted = script.pollFirst();
		int answer = scripted == null ? fallback : scripted;
		requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body,
				answer, Instant.now()));
		if (answer == STALL) {
			try {
				Thread.sleep(stall.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer = 200; // too late: the helpdesk has given up on this attempt
		}
		try {
			exchange.sendResponseHeaders(answer, -1);
		}
		catch (IOException gone) {
			// the helpdesk closed the connection after its timeout
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	static List<Long> ids(List<Request> requests) {
		List<Long> ids = new ArrayList<>();
		requests.forEach(r -> ids.add(r.deliveryId()));
		return ids;
	}
}
