package org.helpdesk.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A hand-written RFC 5322 message, as a mail client would send it: built by intent, written out as raw bytes.
 */
final class TestMessage {

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String body = "Hello,\r\n\r\nplease help.\r\n";

	private TestMessage(String from, String to, String subject) {
		headers.put("From", from);
		headers.put("To", to);
		headers.put("Subject", subject);
		headers.put("Date", "Sat, 05 Dec 2026 10:00:00 +0000");
		headers.put("Message-ID", "<" + UUID.randomUUID() + "@client.example.test>");
		headers.put("MIME-Version", "1.0");
		headers.put("Content-Type", "text/plain; charset=UTF-8");
	}

	static TestMessage from(String from, String to, String subject) {
		return new TestMessage(from, to, subject);
	}

	TestMessage header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	TestMessage without(String name) {
		headers.remove(name);
		return this;
	}

	TestMessage body(String text) {
		this.body = text.replace("\r\n", "\n").replace("\n", "\r\n");
		return this;
	}

	/** An answer to the message with this Message-ID (angle brackets included), as mail clients thread it. */
	TestMessage replyingTo(String messageId) {
		return header("In-Reply-To", messageId).header("References", messageId);
	}

	String messageId() {
		return headers.get("Message-ID");
	}

	byte[] bytes() {
		List<String> lines = new ArrayList<>();
		headers.forEach((name, value) -> lines.add(name + ": " + value));
		return (String.join("\r\n", lines) + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
	}
}
