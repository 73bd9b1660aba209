package org.helpdesk.web.admin;

import java.util.ArrayList;
import java.util.List;

import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.escalation.NewExclusion;
import org.helpdesk.escalation.WeeklyExclusions;

/**
 * The two forms of the escalation page as typed: one exclusion date ({@code name}, {@code date}), or the next
 * {@code count} of a {@code weekday}; {@code queues} holds the ticked queue checkboxes, none meaning every queue.
 */
record ExclusionForm(String name, String date, String weekday, String count, List<String> queues) {

	static ExclusionForm empty() {
		return new ExclusionForm("", "", "saturday", "4", List.of());
	}

	NewExclusion exclusion() {
		return new NewExclusion(name, date, queueIds());
	}

	WeeklyExclusions weekly() {
		return new WeeklyExclusions(weekday, count, queueIds());
	}

	/** Whether the queue with this id is ticked, for re-rendering the checkboxes. */
	public boolean limitedTo(long queueId) {
		return queues != null && queues.contains(String.valueOf(queueId));
	}

	private List<Long> queueIds() {
		List<Long> ids = new ArrayList<>();
		for (String queue : queues == null ? List.<String>of() : queues) {
			try {
				ids.add(Long.valueOf(Input.withoutSurroundingSpace(queue)));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInput("queues", UserForm.NO_SUCH_QUEUE);
			}
		}
		return ids;
	}
}
