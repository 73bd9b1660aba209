package org.helpdesk.notification;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The values one mail shows, taken when the change happened: the mail then says what was true at that moment, it
 * can be rendered later by the outbox dispatcher, and it holds nothing the recipient may not read (a customer's
 * snapshot never carries private text). Stored in {@code mail_outbox.snapshot} as a form-encoded line, which both
 * databases keep as plain text.
 */
record MailSnapshot(Map<String, String> values) {

	MailSnapshot {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	String encoded() {
		StringJoiner line = new StringJoiner("&");
		values.forEach((key, value) -> line.add(encode(key) + "=" + encode(value)));
		return line.toString();
	}

	/** Refuses a line that was not written by {@link #encoded()}, so that such a mail is failed, not sent garbled. */
	static MailSnapshot decode(String line) {
		Map<String, String> values = new LinkedHashMap<>();
		if (!line.isEmpty()) {
			for (String pair : line.split("&", -1)) {
				int split = pair.indexOf('=');
				if (split <= 0) {
					throw new IllegalArgumentException("malformed mail snapshot entry: " + shorten(pair));
				}
				values.put(unescape(pair.substring(0, split)), unescape(pair.substring(split + 1)));
			}
		}
		return new MailSnapshot(values);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String unescape(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String shorten(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}
}
