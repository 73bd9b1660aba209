package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A batch of mails against an SMTP server of the test's own, which records every command it gets and can hang up
 * after each mail or refuse a recipient, as real relays do.
 */
class SmtpBatchTest {

	private final ScriptedSmtpServer server = new ScriptedSmtpServer();

	@AfterEach
	void stop() throws IOException {
		server.close();
	}

	@Test
	void aBatchGoesOverOneConnectionWithoutAQuestionBetweenTheMails() {
		Map<MimeMessage, Exception> failures = SmtpBatch.send(sender(server.port()), messages("a", "b", "c"));

		assertThat(failures).isEmpty();
		assertThat(server.received()).isEqualTo(3);
		assertThat(server.connections()).isEqualTo(1);
		// Spring's sender asked NOOP before the second and the third mail: two round trips more
		assertThat(server.commands()).noneMatch(command -> command.startsWith("NOOP") || command.startsWith("RSET"));
	}

	@Test
	void aServerThatHangsUpAfterEveryMailStillGetsTheWholeBatch() {
		server.hangUpAfterEachMail = true;

		Map<MimeMessage, Exception> failures = SmtpBatch.send(sender(server.port()), messages("a", "b", "c"));

		assertThat(failures).isEmpty();
		assertThat(server.received()).isEqualTo(3);
		assertThat(server.connections()).isEqualTo(3);
	}

	@Test
	void aRefusedRecipientFailsOnlyItsOwnMail() {
		server.refused = "b@customers.example";
		MimeMessage[] batch = messages("a", "b", "c");

		Map<MimeMessage, Exception> failures = SmtpBatch.send(sender(server.port()), batch);

		assertThat(failures).containsOnlyKeys(batch[1]);
		assertThat(failures.get(batch[1])).isInstanceOf(SendFailedException.class);
		assertThat(SendFailures.isPermanent(failures.get(batch[1]))).isTrue();
		assertThat(server.received()).isEqualTo(2);
		assertThat(server.connections()).isEqualTo(1);
	}

	@Test
	void noServerFailsTheWholeBatchAfterOneTryToConnect() throws IOException {
		int port = server.port();
		server.close();
		MimeMessage[] batch = messages("a", "b", "c");

		Map<MimeMessage, Exception> failures = SmtpBatch.send(sender(port), batch);

		assertThat(failures).containsOnlyKeys(batch);
		assertThat(SendFailures.isPermanent(failures.get(batch[0]))).isFalse();
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
		return sender;
	}

	private static MimeMessage[] messages(String... recipients) {
		Session session = Session.getInstance(new Properties());
		return Arrays.stream(recipients).map(recipient -> {
			try {
				MimeMessage message = new MimeMessage(session);
				message.setFrom(new InternetAddress("helpdesk@support.example"));
				message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient + "@customers.example"));
				message.setSubject("Ticket for " + recipient);
				message.setText("Hello " + recipient, "UTF-8");
				return message;
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}

	/** Speaks enough SMTP for Jakarta Mail, one connection at a time. */
	private static final class ScriptedSmtpServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<String> commands = new CopyOnWriteArrayList<>();

		private final AtomicInteger received = new AtomicInteger();

		private final AtomicInteger connections = new AtomicInteger();

		volatile boolean hangUpAfterEachMail;

		volatile String refused;

		ScriptedSmtpServer() {
			try {
				socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Thread thread = new Thread(this::serve, "scripted-smtp");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return socket.getLocalPort();
		}

		List<String> commands() {
			return commands;
		}

		int received() {
			return received.get();
		}

		int connections() {
			return connections.get();
		}

		private void serve() {
			while (!socket.isClosed()) {
				try (Socket client = socket.accept()) {
					connections.incrementAndGet();
					converse(client);
				}
				catch (SocketException closed) {
					return;
				}
				catch (IOException ex) {
					// the client went away: wait for the next
				}
			}
		}

		private void converse(Socket client) throws IOException {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = client.getOutputStream();
			reply(out, "220 scripted ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				commands.add(line);
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO" -> reply(out, "250-scripted\r\n250 8BITMIME");
					case "RCPT" -> reply(out, refused != null && line.contains(refused) ? "550 5.1.1 no such user"
							: "250 ok");
					case "DATA" -> {
						reply(out, "354 go ahead");
						while ((line = in.readLine()) != null && !line.equals(".")) {
							// the message itself
						}
						received.incrementAndGet();
						reply(out, "250 queued");
						if (hangUpAfterEachMail) {
							return;
						}
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}

		private static void reply(OutputStream out, String text) throws IOException {
			out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}
	}
}
