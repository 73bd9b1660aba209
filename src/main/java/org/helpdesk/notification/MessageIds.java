package org.helpdesk.notification;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Message-IDs for the mails we send: {@code <time.random@host>}, unique across nodes and restarts (96 random bits),
 * and rising with time. Rising matters to the outbox's unique index on them: a new id lands on the last page of the
 * index instead of a random one, so a commit rewrites one page of it rather than one per mail.
 */
final class MessageIds {

	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

	private static final HexFormat HEX = HexFormat.of();

	private MessageIds() {
	}

	static String next(long epochMillis, String host) {
		byte[] random = new byte[12];
		RANDOM.get().nextBytes(random);
		// the time as twelve hex digits (enough until the year 10889): the last twelve of its sixteen
		return "<" + HEX.toHexDigits(epochMillis).substring(4) + "." + HEX.formatHex(random) + "@" + host + ">";
	}
}
