package org.helpdesk.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ignore rules of one version, ready for matching many senders: exact addresses and whole domains
 * ({@code *@domain}, the common cases) are looked up in maps; only the other patterns are tried one by one.
 */
final class CompiledRules {

	static final CompiledRules NONE = new CompiledRules(-1, List.of());

	private record Compiled(IgnoreRule rule, AddressPattern pattern) {
	}

	private final long version;

	private final Map<String, List<Compiled>> exact = new HashMap<>();

	private final Map<String, List<Compiled>> byDomain = new HashMap<>();

	private final List<Compiled> others = new ArrayList<>();

	CompiledRules(long version, List<IgnoreRule> rules) {
		this.version = version;
		for (IgnoreRule rule : rules) {
			Compiled compiled = new Compiled(rule, AddressPattern.of(rule.addressPattern()));
			if (compiled.pattern().isExact()) {
				exact.computeIfAbsent(compiled.pattern().text(), k -> new ArrayList<>()).add(compiled);
			}
			else if (compiled.pattern().wholeDomain().isPresent()) {
				byDomain.computeIfAbsent(compiled.pattern().wholeDomain().get(), k -> new ArrayList<>()).add(compiled);
			}
			else {
				others.add(compiled);
			}
		}
	}

	long version() {
		return version;
	}

	/** The oldest rule for this queue that matches the sender. */
	Optional<IgnoreRule> first(long queueId, String sender) {
		if (sender == null || sender.isBlank()) {
			return Optional.empty();
		}
		String address = sender.strip().toLowerCase(Locale.ROOT);
		int at = address.lastIndexOf('@');
		List<Compiled> candidates = new ArrayList<>(exact.getOrDefault(address, List.of()));
		if (at >= 0) {
			candidates.addAll(byDomain.getOrDefault(address.substring(at + 1), List.of()));
		}
		candidates.addAll(others);
		return candidates.stream()
			.filter(c -> c.rule().appliesTo(queueId) && c.pattern().matches(address))
			.map(Compiled::rule)
			.min((a, b) -> Long.compare(a.id(), b.id()));
	}
}
