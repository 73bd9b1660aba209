package org.helpdesk.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.helpdesk.account.KnownQueues;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping the ignore lists: listing, adding and deleting rules. Rules are not edited; an administrator deletes one
 * and adds another. Callers check that the person is an administrator.
 */
@Service
@Transactional
public class IgnoreRuleManagement {

	/** The reason a pattern is refused for its characters, for adapters that put it in other words. */
	public static final String PATTERN_SHAPE = AddressPattern.SHAPE;

	/** More queue ids than any helpdesk has queues is a mistake, and would make one huge query. */
	static final int MAX_QUEUES = 1000;

	private final IgnoreRuleStore store;

	private final KnownQueues queues;

	private final Clock clock;

	IgnoreRuleManagement(IgnoreRuleStore store, KnownQueues queues, Clock clock) {
		this.store = store;
		this.queues = queues;
		this.clock = clock;
	}

	/** Every rule, oldest first. */
	@Transactional(readOnly = true)
	public List<IgnoreRule> list() {
		return store.all();
	}

	public IgnoreRule add(NewIgnoreRule rule) {
		List<FieldProblem> problems = new ArrayList<>();
		if (Input.isBlank(rule.name())) {
			problems.add(new FieldProblem("name", "is required"));
		}
		else if (Input.checkText("name", rule.name(), 100, false) != null) {
			problems.add(Input.checkText("name", rule.name(), 100, false));
		}
		AddressPattern.problem(rule.addressPattern()).ifPresent(p -> problems.add(new FieldProblem("email_address", p)));
		checkQueues(rule, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String name = rule.name().strip();
		String pattern = AddressPattern.of(rule.addressPattern()).text();
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		try {
			long id = store.insert(name, pattern, rule.keepInMailbox(), rule.allQueues(), rule.queueIds(), today);
			return new IgnoreRule(id, name, pattern, rule.keepInMailbox(), rule.allQueues(), rule.queueIds(), today);
		}
		catch (DataIntegrityViolationException queueJustDeleted) {
			throw new InvalidInput("queues", "unknown queue ids " + new TreeSet<>(rule.queueIds()));
		}
	}

	public void delete(long id) {
		if (!store.delete(id)) {
			throw new IgnoreRuleNotFound();
		}
	}

	private void checkQueues(NewIgnoreRule rule, List<FieldProblem> problems) {
		if (rule.allQueues()) {
			return;
		}
		if (rule.queueIds().isEmpty()) {
			problems.add(new FieldProblem("queues", "must name at least one queue, or the rule is for all queues"));
		}
		else if (rule.queueIds().size() > MAX_QUEUES) {
			problems.add(new FieldProblem("queues", "must list at most " + MAX_QUEUES + " queues"));
		}
		else {
			Set<Long> missing = queues.missing(rule.queueIds());
			if (!missing.isEmpty()) {
				problems.add(new FieldProblem("queues", "unknown queue ids " + new TreeSet<>(missing)));
			}
		}
	}
}
