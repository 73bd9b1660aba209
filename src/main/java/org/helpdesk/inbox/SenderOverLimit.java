package org.helpdesk.inbox;

/**
 * A sender sent a queue more messages within the window than the rate limit allows: most likely a mail loop or a
 * robot. The message changes nothing, and it is not dropped either (a mailbox poller would delete it): it goes to
 * quarantine with this reason, where an administrator can take it in again or delete it.
 */
class SenderOverLimit extends RuntimeException {

	SenderOverLimit(String reason) {
		super(reason, null, false, false);
	}
}
