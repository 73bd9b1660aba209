package org.helpdesk.notification;

import org.helpdesk.core.AfterCommit;
import org.springframework.stereotype.Component;

/**
 * Where mail is written to be sent later. Enqueuing joins the caller's transaction (which also sees the mails queued
 * before in it, so they thread); once that commits, the dispatcher is woken so the mail goes out at once instead of
 * at its next poll, on its own thread, never the caller's.
 */
@Component
class MailOutbox {

	private final OutboxStore store;

	private final OutboxDispatcher dispatcher;

	MailOutbox(OutboxStore store, OutboxDispatcher dispatcher) {
		this.store = store;
		this.dispatcher = dispatcher;
	}

	/** Queues the mail as the answer to the latest earlier mail to the same recipient about the same ticket. */
	void enqueue(OutgoingMail mail) {
		store.insert(mail.inThread(mail.thread().after(store.earlierMessageIds(mail.ticketId(), mail.recipient()))));
		AfterCommit.run(dispatcher::nudge);
	}
}
