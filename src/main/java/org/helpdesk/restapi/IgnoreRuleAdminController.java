package org.helpdesk.restapi;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.helpdesk.core.InvalidInput;
import org.helpdesk.inbox.IgnoreRule;
import org.helpdesk.inbox.IgnoreRuleManagement;
import org.helpdesk.inbox.NewIgnoreRule;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ignore lists with django-helpdesk's field names: mail from a sender matching {@code email_address} (a pattern
 * with {@code *} for any characters) is not taken in by the {@code queues} listed, or by every queue when none are.
 */
@RestController
@RequestMapping("/api/v1/ignore-rules")
class IgnoreRuleAdminController {

	private final IgnoreRuleManagement rules;

	IgnoreRuleAdminController(IgnoreRuleManagement rules) {
		this.rules = rules;
	}

	/** {@code all_queues} and {@code date} are answered, not read: a rule without queues is for all of them. */
	record IgnoreRuleBody(Long id, String name, String emailAddress, Boolean keepInMailbox, List<Long> queues,
			Boolean allQueues, LocalDate date) {

		static IgnoreRuleBody of(IgnoreRule rule) {
			return new IgnoreRuleBody(rule.id(), rule.name(), rule.addressPattern(), rule.keepInMailbox(),
					rule.queueIds().stream().sorted().toList(), rule.allQueues(), rule.added());
		}

		NewIgnoreRule command() {
			boolean keep = Boolean.TRUE.equals(keepInMailbox);
			if (queues == null || queues.isEmpty()) {
				return NewIgnoreRule.forAllQueues(name, emailAddress, keep);
			}
			if (queues.stream().anyMatch(Objects::isNull)) {
				throw new InvalidInput("queues", "must be a list of queue ids");
			}
			Set<Long> ids = new HashSet<>(queues);
			return NewIgnoreRule.forQueues(name, emailAddress, keep, ids);
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IgnoreRuleBody add(@RequestBody IgnoreRuleBody body) {
		return IgnoreRuleBody.of(rules.add(body.command()));
	}

	@GetMapping
	List<IgnoreRuleBody> list() {
		return rules.list().stream().map(IgnoreRuleBody::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		rules.delete(id);
	}
}
