package org.helpdesk.inbox;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The ignore lists (domain spec §8): per queue and global, with wildcards; a matching sender's mail changes nothing
 * and is either kept in the mailbox or deleted.
 * <p>
 * WALKING SKELETON: no rules yet.
 */
@Component
public class IgnoreRules {

	/** The first rule for this queue (or for every queue) that matches the sender's address, if any. */
	public Optional<IgnoreVerdict> match(long queueId, String senderAddress) {
		return Optional.empty();
	}

	/** A rule matched: its name (for the reason) and whether the message stays in the mailbox. */
	public record IgnoreVerdict(String ruleName, boolean keepInMailbox) {
	}
}
