package org.helpdesk.portal;

import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.Input;
import org.helpdesk.ticket.CustomerSubmission;

/**
 * The submit form as typed, kept as text so that a refused form comes back exactly as it was sent.
 */
record SubmitForm(String queue, String email, String title, String description, String priority) {

	static SubmitForm blank(Account me) {
		return new SubmitForm("", me == null || !me.hasEmail() ? "" : me.email(), "", "", "3");
	}

	/** Unparseable numbers become values the ticket facade refuses with a reason for the field. */
	CustomerSubmission toSubmission(List<Upload> attachments) {
		Integer chosenPriority = null;
		if (priority != null && !priority.isBlank()) {
			Long parsed = parse(priority);
			chosenPriority = parsed == null ? 0 : parsed.intValue();
		}
		return new CustomerSubmission(parse(queue), email, title, description, chosenPriority, attachments);
	}

	private static Long parse(String number) {
		String digits = Input.withoutSurroundingSpace(number);
		if (digits == null || !digits.matches("\\d{1,9}")) {
			return null;
		}
		return Long.valueOf(digits);
	}
}
