package org.helpdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One GreenMail SMTP server for the whole test run. Tests use their own unique recipient addresses, so they never
 * see each other's mail, and wait for mail by polling with a deadline.
 */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
			server.start();
		}
		return server;
	}

	public static int smtpPort() {
		return server().getSmtp().getPort();
	}

	/** Mails received so far whose recipients include this address. */
	public static List<MimeMessage> to(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(m -> hasRecipient(m, address)).toList();
	}

	/** Waits up to 20 s until the predicate holds for the mails to this address, and returns them. */
	public static List<MimeMessage> awaitTo(String address, Predicate<List<MimeMessage>> condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			List<MimeMessage> mails = to(address);
			if (condition.test(mails)) {
				return mails;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Mail to " + address + " did not arrive as expected; got " + subjects(mails));
			}
			server().waitForIncomingEmail(200, server().getReceivedMessages().length + 1);
		}
	}

	public static List<MimeMessage> awaitCount(String address, int count) {
		return awaitTo(address, mails -> mails.size() >= count);
	}

	public static List<String> subjects(List<MimeMessage> mails) {
		return mails.stream().map(m -> {
			try {
				return m.getSubject();
			}
			catch (MessagingException ex) {
				return "?";
			}
		}).toList();
	}

	private static boolean hasRecipient(MimeMessage message, String address) {
		try {
			var recipients = message.getRecipients(Message.RecipientType.TO);
			return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().contains(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}
}
