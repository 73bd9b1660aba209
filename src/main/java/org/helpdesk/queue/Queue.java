package org.helpdesk.queue;

import java.util.Arrays;
import java.util.List;

/**
 * A queue as other modules see it.
 */
public record Queue(long id, String title, String slug, String emailAddress, String newTicketCc,
		String updatedTicketCc, Integer escalateDays, boolean allowPublicSubmission, boolean allowEmailSubmission,
		Long defaultOwnerId, String locale) {

	public List<String> newTicketCcAddresses() {
		return split(newTicketCc);
	}

	public List<String> updatedTicketCcAddresses() {
		return split(updatedTicketCc);
	}

	private static List<String> split(String addresses) {
		if (addresses == null || addresses.isBlank()) {
			return List.of();
		}
		return Arrays.stream(addresses.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
	}
}
