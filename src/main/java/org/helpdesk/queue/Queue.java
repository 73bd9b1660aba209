package org.helpdesk.queue;

import java.util.Arrays;
import java.util.List;

/**
 * A queue as other modules see it.
 */
public record Queue(long id, String title, String slug, String emailAddress, String newTicketCc,
		String updatedTicketCc, Integer escalateDays, boolean allowPublicSubmission, boolean allowEmailSubmission,
		Long defaultOwnerId, String locale, Mailbox mailbox) {

	/** A queue without a mailbox. */
	public Queue(long id, String title, String slug, String emailAddress, String newTicketCc, String updatedTicketCc,
			Integer escalateDays, boolean allowPublicSubmission, boolean allowEmailSubmission, Long defaultOwnerId,
			String locale) {
		this(id, title, slug, emailAddress, newTicketCc, updatedTicketCc, escalateDays, allowPublicSubmission,
				allowEmailSubmission, defaultOwnerId, locale, Mailbox.NONE);
	}

	public List<String> newTicketCcAddresses() {
		return split(newTicketCc);
	}

	public List<String> updatedTicketCcAddresses() {
		return split(updatedTicketCc);
	}

	/** Whether the pollers fetch this queue's mail: e-mail submission is allowed and a mailbox is set. */
	public boolean pollsMailbox() {
		return allowEmailSubmission && mailbox.configured();
	}

	private static List<String> split(String addresses) {
		if (addresses == null || addresses.isBlank()) {
			return List.of();
		}
		return Arrays.stream(addresses.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
	}
}
