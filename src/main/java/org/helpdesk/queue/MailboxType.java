package org.helpdesk.queue;

import java.util.Locale;
import java.util.Optional;

/** How a queue's mail is fetched: not at all, from an IMAP or POP3 server, or from a local folder. */
public enum MailboxType {
	NONE, IMAP, POP3, LOCAL;

	/** The name in JSON and forms ({@code imap}, {@code pop3}, {@code local}); none is JSON null. */
	public String wireName() {
		return this == NONE ? null : name().toLowerCase(Locale.ROOT);
	}

	/** Reads a wire name; blank means none; anything else unknown is empty. */
	static Optional<MailboxType> parse(String value) {
		if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("none")) {
			return Optional.of(NONE);
		}
		for (MailboxType type : values()) {
			if (type != NONE && type.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}
}
