package org.helpdesk.notification;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails the helpdesk sent, as far as threading needs them: every outbox row keeps its Message-ID for good, so a
 * reply to any of our mails finds the ticket it was about.
 */
@Component
public class SentMessages {

	private final JdbcClient jdbc;

	SentMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ticket the mail with this Message-ID (with or without angle brackets) was about, if we sent it. */
	@Transactional(readOnly = true)
	public Optional<Long> ticketForMessageId(String messageId) {
		if (messageId == null || messageId.isBlank()) {
			return Optional.empty();
		}
		String bare = messageId.trim().replaceAll("^<|>$", "");
		return jdbc.sql("select ticket_id from mail_outbox where message_id = ? and ticket_id is not null")
			.param("<" + bare + ">")
			.query(Long.class)
			.optional();
	}
}
