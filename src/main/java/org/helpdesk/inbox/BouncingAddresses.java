package org.helpdesk.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Addresses our mail could not be delivered to, as bounces reported them: staff see them marked among a ticket's CCs
 * and in the JSON API, and can fix or remove them.
 */
@Component
public class BouncingAddresses {

	/** An address that bounced, how often, when last and on which ticket's mail (if known). */
	public record Bouncing(String email, Instant bouncedAt, Long ticketId, int bounces) {
	}

	private final JdbcClient jdbc;

	BouncingAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void mark(Collection<String> addresses, Long ticketId, Instant now) {
		for (String address : addresses) {
			if (address == null || address.isBlank()) {
				continue;
			}
			String email = MailText.clip(address.trim().toLowerCase(Locale.ROOT), 254);
			int updated = jdbc.sql("""
					update mail_bounce set bounced_at = ?, ticket_id = coalesce(?, ticket_id), bounces = bounces + 1
					where email = ?""").params(Timestamps.toDb(now), ticketId, email).update();
			if (updated == 0) {
				jdbc.sql("insert into mail_bounce (email, bounced_at, ticket_id, bounces) values (?, ?, ?, 1)")
					.params(email, Timestamps.toDb(now), ticketId).update();
			}
		}
	}

	/** The newest bounces first. */
	@Transactional(readOnly = true)
	public List<Bouncing> list() {
		return jdbc.sql("select email, bounced_at, ticket_id, bounces from mail_bounce order by bounced_at desc limit 500")
			.query((rs, n) -> new Bouncing(rs.getString(1), Timestamps.fromDb(rs, "bounced_at"),
					(Long) rs.getObject(3, Long.class), rs.getInt(4)))
			.list();
	}

	/** Whether mail to this address bounced; the ticket page marks such a CC. */
	@Transactional(readOnly = true)
	public boolean isBouncing(String address) {
		return address != null && jdbc.sql("select count(*) from mail_bounce where email = ?")
			.param(address.trim().toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
	}
}
