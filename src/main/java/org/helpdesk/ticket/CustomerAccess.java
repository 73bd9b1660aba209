package org.helpdesk.ticket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * What a customer presents to reach their ticket without an account: the reference ({@code <slug>-<id>}), the
 * submitter's e-mail address and the ticket's secret key. All three are required; the slug part of the reference
 * is ignored so that links survive a move to another queue.
 */
public record CustomerAccess(String ticket, String email, String key) {

	/** The numeric id inside the reference, if it has the right shape. */
	public OptionalLong ticketId() {
		if (ticket == null) {
			return OptionalLong.empty();
		}
		String id = ticket.trim().substring(ticket.trim().lastIndexOf('-') + 1);
		if (!id.matches("\\d{1,18}")) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Long.parseLong(id));
	}

	/** True when something was given for every part (whether it matches is for {@link CustomerTickets} to say). */
	public boolean isComplete() {
		return !blank(ticket) && !blank(email) && !blank(key);
	}

	/** True when nothing at all was given: a visitor who has not tried yet. */
	public boolean isEmpty() {
		return blank(ticket) && blank(email) && blank(key);
	}

	/** The site-relative secret link to the customer's view of the ticket. */
	public String link() {
		return "/view/?ticket=" + encode(ticket) + "&email=" + encode(email) + "&key=" + encode(key);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}
}
