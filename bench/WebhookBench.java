import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * The two ends of the webhook benchmark (bench/webhooks.sh), run by the JDK's source launcher:
 * <ul>
 * <li>{@code receive PORT SECRET}: a webhook receiver that answers 200, checks every signature, and counts requests,
 * unique delivery ids and bad signatures; {@code GET /stats} answers
 * {@code requests unique bad_signatures first_millis last_millis}.</li>
 * <li>{@code load BASE USER PASSWORD QUEUE COUNT CONCURRENCY}: opens COUNT tickets through the legacy API, CONCURRENCY
 * at a time, and prints {@code created=N failed=N seconds=S}.</li>
 * </ul>
 */
public class WebhookBench {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("receive")) {
			receive(Integer.parseInt(args[1]), args[2]);
		}
		else if (args.length > 0 && args[0].equals("load")) {
			load(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]));
		}
		else {
			System.err.println("usage: WebhookBench receive PORT SECRET | load BASE USER PASSWORD QUEUE COUNT CONCURRENCY");
			System.exit(2);
		}
	}

	static void receive(int port, String secret) throws IOException {
		Set<String> ids = ConcurrentHashMap.newKeySet();
		AtomicLong requests = new AtomicLong();
		AtomicLong bad = new AtomicLong();
		AtomicLong first = new AtomicLong();
		AtomicLong last = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/hook", exchange -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			long now = System.currentTimeMillis();
			first.compareAndSet(0, now);
			last.set(now);
			requests.incrementAndGet();
			String signature = exchange.getRequestHeaders().getFirst("Helpdesk-Signature");
			if (!valid(secret, signature, body)) {
				bad.incrementAndGet();
			}
			ids.add(exchange.getRequestHeaders().getFirst("Helpdesk-Delivery"));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.createContext("/stats", exchange -> {
			byte[] out = (requests.get() + " " + ids.size() + " " + bad.get() + " " + first.get() + " " + last.get() + "\n")
				.getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(200, out.length);
			exchange.getResponseBody().write(out);
			exchange.close();
		});
		server.start();
		System.out.println("listening on " + port);
	}

	/** t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">, as a receiver checks it. */
	static boolean valid(String secret, String header, byte[] body) {
		if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
			return false;
		}
		String t = header.substring(2, header.indexOf(','));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body)).equals(header.substring(header.indexOf("v1=") + 3));
		}
		catch (Exception ex) {
			return false;
		}
	}

	static void load(String base, String user, String password, String queue, int count, int concurrency)
			throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger created = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(concurrency);
		long started = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < count) {
					String form = "user=" + enc(user) + "&password=" + enc(password) + "&queue=" + enc(queue)
							+ "&title=" + enc("Webhook bench " + i) + "&submitter_email=" + enc("bench" + i + "@example.test");
					try {
						HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/create_ticket/"))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
						(response.statusCode() == 200 ? created : failed).incrementAndGet();
					}
					catch (IOException | InterruptedException ex) {
						failed.incrementAndGet();
					}
				}
				done.countDown();
			}).start();
		}
		done.await();
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("created=%d failed=%d seconds=%.1f%n", created.get(), failed.get(), seconds);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
