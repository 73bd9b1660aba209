package org.helpdesk.web.list;

import java.util.List;

import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.Role;
import org.helpdesk.notification.SmtpStatus;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.springframework.stereotype.Component;

/**
 * What a new installation still lacks before it can take tickets from people: a fresh install has no queue, no
 * public form, no agent and no mail server, and nothing told the first administrator so.
 */
@Component
class SetupChecklist {

	/** One thing to set up, where to do it, and whether it is done. */
	public record Step(String id, String link, boolean done) {
	}

	/** The steps in the order an administrator would take them. */
	public record Checklist(List<Step> steps) {

		public boolean finished() {
			return steps.stream().allMatch(Step::done);
		}
	}

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final SmtpStatus smtp;

	SetupChecklist(QueueManagement queues, AccountManagement accounts, SmtpStatus smtp) {
		this.queues = queues;
		this.accounts = accounts;
		this.smtp = smtp;
	}

	Checklist current() {
		List<Queue> all = queues.list();
		return new Checklist(List.of(new Step("queue", "/admin/queues/new", !all.isEmpty()),
				new Step("public", "/admin/queues", all.stream().anyMatch(Queue::allowPublicSubmission)),
				new Step("agent", "/admin/users/new", hasActiveAgent()),
				new Step("smtp", "/admin/outbox", smtp.configured())));
	}

	private boolean hasActiveAgent() {
		return accounts.list().stream().anyMatch(a -> a.active() && a.role() == Role.AGENT);
	}
}
