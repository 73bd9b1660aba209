package org.helpdesk.web.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.inbox.NewIgnoreRule;

/**
 * The form that adds an ignore rule, as typed. {@code queues} holds the ticked queue checkboxes; none ticked means
 * the rule is for every queue, as in the original helpdesk. {@code keepInMailbox} is absent when unticked.
 */
record IgnoreRuleForm(String name, String emailAddress, Boolean keepInMailbox, List<String> queues) {

	static IgnoreRuleForm empty() {
		return new IgnoreRuleForm("", "", false, List.of());
	}

	NewIgnoreRule command() {
		boolean keep = Boolean.TRUE.equals(keepInMailbox);
		Set<Long> ids = queueIds();
		return ids.isEmpty() ? NewIgnoreRule.forAllQueues(name, emailAddress, keep)
				: NewIgnoreRule.forQueues(name, emailAddress, keep, ids);
	}

	/** Whether the queue with this id is ticked, for re-rendering the checkboxes. */
	public boolean limitedTo(long queueId) {
		return queues != null && queues.contains(String.valueOf(queueId));
	}

	public boolean keep() {
		return Boolean.TRUE.equals(keepInMailbox);
	}

	private Set<Long> queueIds() {
		Set<Long> ids = new LinkedHashSet<>();
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
