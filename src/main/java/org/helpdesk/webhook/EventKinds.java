package org.helpdesk.webhook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.helpdesk.core.InvalidInput;

/** The kinds of change an endpoint may ask for: those of the ticket change log. */
public final class EventKinds {

	public static final List<String> ALL = List.of("created", "updated", "followup_added", "attachment_added",
			"cc_added", "cc_removed", "dependency_added", "dependency_removed", "merged", "deleted");

	private EventKinds() {
	}

	/** The kinds as given, or {@link InvalidInput} naming {@code events}. */
	static Set<String> check(Set<String> kinds) {
		Set<String> checked = new LinkedHashSet<>();
		for (String kind : kinds) {
			if (kind == null || !ALL.contains(kind)) {
				throw new InvalidInput("events", "must be kinds of change: " + String.join(", ", ALL));
			}
			checked.add(kind);
		}
		return checked;
	}
}
