import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP sink for the benchmark: accepts every mail and throws it away, counting what it received. It speaks
 * just enough SMTP for Jakarta Mail (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps nothing in memory, so
 * it can take hundreds of thousands of mails during a run. Started by bench/run.sh with the JDK's source launcher:
 * {@code java bench/SmtpSink.java <port> <count-file>}; the count file is rewritten at least once a second.
 */
public class SmtpSink {

	private static final AtomicLong received = new AtomicLong();

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		Path countFile = Path.of(args[1]);
		Thread writer = new Thread(() -> writeCounts(countFile), "count-writer");
		writer.setDaemon(true);
		writer.start();
		try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
			System.out.println("smtp sink listening on 127.0.0.1:" + port);
			while (true) {
				Socket socket = server.accept();
				Thread session = new Thread(() -> serve(socket), "smtp-session");
				session.setDaemon(true);
				session.start();
			}
		}
	}

	private static void writeCounts(Path file) {
		while (true) {
			try {
				Files.writeString(file, received.get() + "\n");
				Thread.sleep(500);
			}
			catch (IOException | InterruptedException ex) {
				return;
			}
		}
	}

	private static void serve(Socket socket) {
		try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
				StandardCharsets.ISO_8859_1), 65536); OutputStream out = socket.getOutputStream()) {
			reply(out, "220 sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
					case "DATA" -> {
						reply(out, "354 end with <CRLF>.<CRLF>");
						while ((line = in.readLine()) != null && !line.equals(".")) {
							// discarded
						}
						received.incrementAndGet();
						reply(out, "250 queued");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away; nothing to keep
		}
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}
}
