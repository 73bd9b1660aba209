package org.helpdesk.inbox;

import java.util.Optional;

import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.springframework.stereotype.Service;

/**
 * What the admin pages and the JSON API ask about a queue's mailbox: how its polling goes, and whether its saved
 * settings work.
 */
@Service
public class Mailboxes {

	private final QueueManagement queues;

	private final MailboxPolls polls;

	private final MailboxPoller.Channels channels;

	Mailboxes(QueueManagement queues, MailboxPolls polls, MailboxPoller.Channels channels) {
		this.queues = queues;
		this.polls = polls;
		this.channels = channels;
	}

	public MailboxStatus status(long queueId) {
		return polls.find(queueId)
			.map(p -> new MailboxStatus(Optional.of(p.at()), Optional.ofNullable(p.error())))
			.orElse(MailboxStatus.NEVER);
	}

	/** Connects with the saved settings and counts the waiting messages; takes nothing in. */
	public ConnectionCheck test(long queueId) {
		Queue queue = queues.get(queueId);
		if (!queue.mailbox().configured()) {
			return ConnectionCheck.failed("no mailbox type is set");
		}
		String password = null;
		try {
			password = queues.mailboxPassword(queueId).orElse("");
			return ConnectionCheck.worked(channels.of(queue.mailbox().type())
				.count(new MailboxAccess(queueId, queue.mailbox(), password)));
		}
		catch (Exception | LinkageError ex) {
			return ConnectionCheck.failed(MailboxFailures.describe(ex, password));
		}
	}
}
