package org.helpdesk.web.admin;

import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form, ready for the page: each field's reason in the reader's language (shown next
 * to the field) and a summary of all of them (shown above the form, so none is missed).
 *
 * @param byField reason per input field, keyed by the facade's field name ({@code email_address}, {@code queues})
 * @param summary "Label: reason" lines for every problem
 */
record FormProblems(Map<String, String> byField, List<String> summary) {

	static final FormProblems NONE = new FormProblems(Map.of(), List.of());

	public boolean any() {
		return !summary.isEmpty();
	}
}
