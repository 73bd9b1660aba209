import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load for inbound mail (bench/inbound.sh runs it with the JDK's source launcher). A backlog of N messages, half of
 * them new tickets and half replies to those (In-Reply-To and References naming the new message, "Re:" subject, the
 * original quoted below), taken in by one channel:
 *
 * <pre>
 *   http   BASE USER PASSWORD QUEUE N CONCURRENCY   POST /api/v1/mail/inbound?queue=QUEUE, CONCURRENCY at a time
 *   folder BASE USER PASSWORD QUEUE_ID DIR N        writes the messages into the queue's mailbox folder, then
 *                                                   switches "Allow submission by e-mail" on for the queue and
 *                                                   waits until the helpdesk has taken (and removed) every one
 *   imap   BASE USER PASSWORD QUEUE_ID SMTP_PORT TO N
 *                                                   delivers the messages over SMTP to a local IMAP test server
 *                                                   (GreenMail), then switches "Allow submission by e-mail" on for
 *                                                   the queue, whose mailbox is that server, and waits until the
 *                                                   helpdesk has taken every message out of it
 * </pre>
 *
 * Over HTTP, new messages go first and replies after all of them were taken in, so that every reply finds its ticket;
 * a folder and an IMAP mailbox hold the whole backlog (new messages before the replies) when polling is switched on. Prints
 * messages/s per phase and overall, latency percentiles (http), and the outcomes the helpdesk reported.
 */
public class InboundLoad {

	private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

	public static void main(String[] args) throws Exception {
		switch (args.length == 0 ? "" : args[0]) {
			case "http" -> http(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]));
			case "folder" -> folder(args[1], args[2], args[3], args[4], Path.of(args[5]), Integer.parseInt(args[6]));
			case "imap" -> imap(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), args[6],
					Integer.parseInt(args[7]));
			default -> {
				System.err.println("usage: InboundLoad http BASE USER PASSWORD QUEUE N CONCURRENCY | folder BASE USER PASSWORD QUEUE_ID DIR N"
						+ " | imap BASE USER PASSWORD QUEUE_ID SMTP_PORT TO N");
				System.exit(2);
			}
		}
		// the HTTP client's threads would keep the JVM alive
		System.exit(0);
	}

	// ------------------------------------------------------------------ the messages

	static byte[] message(int k, boolean reply) {
		String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
		String original = "<new-" + k + "." + RUN + "@customers.bench.example>";
		String subject = "Printer " + k + " on floor " + (k % 7) + " is out of toner";
		String body = "Hello,\r\n\r\nthe printer " + k + " on the " + (k % 7) + ". floor shows error E" + (k % 97)
				+ " again since this morning.\r\nWe replaced the toner cartridge, it did not help.\r\n\r\n"
				+ "Thanks,\r\nCustomer " + (k % 500) + "\r\n";
		StringBuilder m = new StringBuilder();
		m.append("From: Customer ").append(k % 500).append(" <customer").append(k % 500).append("@customers.bench.example>\r\n");
		m.append("To: support@bench.example\r\n");
		m.append("Date: ").append(date).append("\r\n");
		m.append("MIME-Version: 1.0\r\n");
		m.append("Content-Type: text/plain; charset=UTF-8\r\n");
		m.append("Content-Transfer-Encoding: 8bit\r\n");
		if (reply) {
			m.append("Subject: Re: ").append(subject).append("\r\n");
			m.append("Message-ID: <reply-").append(k).append('.').append(RUN).append("@customers.bench.example>\r\n");
			m.append("In-Reply-To: ").append(original).append("\r\n");
			m.append("References: ").append(original).append("\r\n\r\n");
			m.append("It works again after a restart, thank you. Grüße!\r\n\r\n");
			m.append("On ").append(date).append(", Customer ").append(k % 500).append(" wrote:\r\n");
			for (String line : body.split("\r\n")) {
				m.append("> ").append(line).append("\r\n");
			}
		}
		else {
			m.append("Subject: ").append(subject).append("\r\n");
			m.append("Message-ID: ").append(original).append("\r\n\r\n");
			m.append(body);
		}
		return m.toString().getBytes(StandardCharsets.UTF_8);
	}

	// ------------------------------------------------------------------ HTTP push

	static void http(String base, String user, String password, String queue, int n, int concurrency) throws Exception {
		HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency)).build();
		String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		URI uri = URI.create(base + "/api/v1/mail/inbound?queue=" + queue);
		int half = n / 2;
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		long[] nanos = new long[2];
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		for (int phase = 0; phase < 2; phase++) {
			boolean reply = phase == 1;
			long phaseStart = System.nanoTime();
			AtomicInteger next = new AtomicInteger(1);
			ExecutorService workers = Executors.newFixedThreadPool(concurrency);
			for (int w = 0; w < concurrency; w++) {
				workers.submit(() -> {
					for (int k = next.getAndIncrement(); k <= half; k = next.getAndIncrement()) {
						HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth)
							.header("Content-Type", "message/rfc822")
							.POST(HttpRequest.BodyPublishers.ofByteArray(message(k, reply))).build();
						long t0 = System.nanoTime();
						String outcome;
						try {
							HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
							outcome = response.statusCode() == 200 || response.statusCode() == 201
									? result(response.body()) : "HTTP " + response.statusCode();
						}
						catch (IOException | InterruptedException e) {
							outcome = "error " + e.getClass().getSimpleName();
						}
						latencies.add(System.nanoTime() - t0);
						outcomes.computeIfAbsent((reply ? "reply " : "new ") + outcome, o -> new LongAdder()).increment();
					}
					return null;
				});
			}
			workers.shutdown();
			workers.awaitTermination(1, TimeUnit.HOURS);
			nanos[phase] = System.nanoTime() - phaseStart;
		}
		long total = System.nanoTime() - start;
		report("http", n, half, nanos, total, outcomes);
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("latency_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50), pct(sorted, 90),
				pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
	}

	private static final Pattern RESULT = Pattern.compile("\"result\"\\s*:\\s*\"([a-z]+)\"");

	private static String result(String body) {
		Matcher m = RESULT.matcher(body);
		return m.find() ? m.group(1) : "unreadable answer";
	}

	private static double pct(List<Long> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	// ------------------------------------------------------------------ an IMAP mailbox

	static void imap(String base, String user, String password, String queueId, int smtpPort, String to, int n)
			throws Exception {
		int half = n / 2;
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", smtpPort)) {
			// each command goes out in one packet: with Nagle a message's body and its final dot waited for the
			// server's delayed ACK, 40 ms per message
			socket.setTcpNoDelay(true);
			var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			var out = new java.io.BufferedOutputStream(socket.getOutputStream());
			expect(in, "220");
			smtp(out, in, "HELO bench.example", "250");
			for (int phase = 0; phase < 2; phase++) {
				for (int k = 1; k <= half; k++) {
					smtp(out, in, "MAIL FROM:<customer" + (k % 500) + "@customers.bench.example>", "250");
					smtp(out, in, "RCPT TO:<" + to + ">", "250");
					smtp(out, in, "DATA", "354");
					out.write(message(k, phase == 1));
					smtp(out, in, "\r\n.", "250");
				}
			}
			smtp(out, in, "QUIT", "221");
		}
		HttpClient client = HttpClient.newHttpClient();
		String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest test = HttpRequest.newBuilder(URI.create(base + "/api/v1/queues/" + queueId + "/mailbox/test"))
			.header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build();
		System.err.println("delivered " + n + " messages; waiting: " + client.send(test, HttpResponse.BodyHandlers.ofString()).body());
		long takenBefore = inboundTaken(client, base, auth);
		long start = System.nanoTime();
		allowSubmissionByEmail(base, user, password, queueId);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
		// the helpdesk's own count of messages taken in; asking the IMAP server how many wait would compete with the
		// helpdesk's poll for the same mailbox (GreenMail answers one command at a time)
		while (inboundTaken(client, base, auth) - takenBefore < n) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not every message taken in after 30 min");
			}
			Thread.sleep(100);
		}
		Pattern waiting = Pattern.compile("\"messages\"\\s*:\\s*(\\d+)");
		int failedTests = 0;
		while (true) {
			String answer = client.send(test, HttpResponse.BodyHandlers.ofString()).body();
			Matcher m = waiting.matcher(answer);
			if (!m.find()) {
				// GreenMail may fail a SEARCH that races the helpdesk's expunge; ask again
				if (++failedTests > 50) {
					throw new IllegalStateException("connection test answered " + answer);
				}
				Thread.sleep(200);
				continue;
			}
			if (Integer.parseInt(m.group(1)) == 0) {
				break;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(m.group(1) + " messages still in the mailbox after 30 min");
			}
			Thread.sleep(200);
		}
		long total = System.nanoTime() - start;
		System.out.printf("channel=imap messages=%d new=%d replies=%d%n", 2 * half, half, half);
		System.out.printf("overall:     %.1f s, %.0f messages/s%n", total / 1e9, 2 * half / (total / 1e9));
	}

	private static void smtp(java.io.OutputStream out, java.io.BufferedReader in, String command, String code)
			throws IOException {
		out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
		expect(in, code);
	}

	private static void expect(java.io.BufferedReader in, String code) throws IOException {
		String line;
		do {
			line = in.readLine();
			if (line == null || !line.startsWith(code)) {
				throw new IOException("SMTP: expected " + code + ", got " + line);
			}
		}
		while (line.length() > 3 && line.charAt(3) == '-');
	}

	// ------------------------------------------------------------------ a mailbox folder

	static void folder(String base, String user, String password, String queueId, Path dir, int n) throws Exception {
		int half = n / 2;
		for (int phase = 0; phase < 2; phase++) {
			for (int k = 1; k <= half; k++) {
				drop(dir, k, phase == 1);
			}
		}
		System.err.println("wrote " + n + " messages into " + dir);
		long start = System.nanoTime();
		allowSubmissionByEmail(base, user, password, queueId);
		// the helpdesk removes a message from the folder once its change has committed
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
		while (remaining(dir) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(remaining(dir) + " messages still in " + dir + " after 30 min");
			}
			Thread.sleep(20);
		}
		long total = System.nanoTime() - start;
		System.out.printf("channel=folder messages=%d new=%d replies=%d%n", 2 * half, half, half);
		System.out.printf("overall:     %.1f s, %.0f messages/s%n", total / 1e9, 2 * half / (total / 1e9));
	}

	/** Messages the helpdesk has taken in so far, whatever became of them ({@code helpdesk_mail_inbound_total}). */
	private static long inboundTaken(HttpClient client, String base, String auth) throws Exception {
		String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
			.header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body();
		double taken = 0;
		for (String line : metrics.split("\n")) {
			if (line.startsWith("helpdesk_mail_inbound_total{")) {
				taken += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return (long) taken;
	}

	/** Switches "Allow submission by e-mail" on for the queue: its mailbox is polled from now on. */
	private static void allowSubmissionByEmail(String base, String user, String password, String queueId)
			throws Exception {
		String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> on = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/queues/" + queueId))
			.header("Authorization", auth).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"allow_email_submission\":true}")).build(),
				HttpResponse.BodyHandlers.ofString());
		if (on.statusCode() != 200) {
			throw new IllegalStateException("PATCH queue answered " + on.statusCode() + ": " + on.body());
		}
	}

	/** Written under a hidden name first, so the poller never reads half a file. */
	private static void drop(Path dir, int k, boolean reply) throws IOException {
		String name = (reply ? "reply-" : "new-") + k + "." + RUN + ".eml";
		Path temporary = dir.resolve("." + name + ".tmp");
		Files.write(temporary, message(k, reply));
		Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	private static long remaining(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".eml")
					&& !f.getFileName().toString().startsWith(".")).count();
		}
	}

	private static void report(String channel, int n, int half, long[] nanos, long total, Map<String, LongAdder> outcomes) {
		System.out.printf("channel=%s messages=%d new=%d replies=%d%n", channel, 2 * half, half, half);
		System.out.printf("new_tickets: %.1f s, %.0f messages/s%n", nanos[0] / 1e9, half / (nanos[0] / 1e9));
		System.out.printf("replies:     %.1f s, %.0f messages/s%n", nanos[1] / 1e9, half / (nanos[1] / 1e9));
		System.out.printf("overall:     %.1f s, %.0f messages/s%n", total / 1e9, 2 * half / (total / 1e9));
		outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(e -> System.out.printf("outcome %s: %d%n", e.getKey(), e.getValue().sum()));
	}
}
