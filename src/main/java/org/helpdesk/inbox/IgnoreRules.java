package org.helpdesk.inbox;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The ignore lists (domain spec section 8): per queue and global, with wildcards (see {@link AddressPattern}); a
 * matching sender's mail changes nothing and is either kept in the mailbox or deleted.
 * <p>
 * The rules are kept compiled in memory. Before matching, one primary-key read of the rules' version tells whether
 * they changed on any node since; only then are they read again. A change thus counts at once on every node, at the
 * cost of one tiny query per inbound message.
 */
@Component
public class IgnoreRules {

	private final IgnoreRuleStore store;

	private volatile CompiledRules compiled = CompiledRules.NONE;

	IgnoreRules(IgnoreRuleStore store) {
		this.store = store;
	}

	/** The first rule for this queue (or for every queue) that matches the sender's address, if any. */
	public Optional<IgnoreVerdict> match(long queueId, String senderAddress) {
		return current().first(queueId, senderAddress)
			.map(rule -> new IgnoreVerdict(rule.name(), rule.keepInMailbox()));
	}

	private CompiledRules current() {
		long version = store.version();
		CompiledRules rules = compiled;
		if (rules.version() != version) {
			// two threads may both reload after a change; both read the same rules, and either result will do
			rules = new CompiledRules(version, store.all());
			compiled = rules;
		}
		return rules;
	}

	/** A rule matched: its name (for the reason) and whether the message stays in the mailbox. */
	public record IgnoreVerdict(String ruleName, boolean keepInMailbox) {
	}
}
