package org.helpdesk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The field changes one action makes, collected as the aggregate applies them: each method returns the new value
 * and records the change when it differs from the old one.
 */
final class FieldChanges {

	private final List<FieldChange> changes = new ArrayList<>();

	String of(String field, String before, String after) {
		if (!Objects.equals(before, after)) {
			changes.add(new FieldChange(field, before, after));
		}
		return after;
	}

	int ofNumber(String field, int before, int after) {
		of(field, String.valueOf(before), String.valueOf(after));
		return after;
	}

	Instant ofInstant(String field, Instant before, Instant after) {
		of(field, before == null ? null : before.toString(), after == null ? null : after.toString());
		return after;
	}

	boolean isEmpty() {
		return changes.isEmpty();
	}

	List<FieldChange> list() {
		return List.copyOf(changes);
	}
}
