package org.helpdesk.restapi;

import java.time.LocalDate;
import java.util.List;

import org.helpdesk.escalation.EscalationExclusion;
import org.helpdesk.escalation.ExclusionDates;
import org.helpdesk.escalation.NewExclusion;
import org.helpdesk.escalation.WeeklyExclusions;
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
 * Exclusion dates: days that do not count towards a queue's escalation wait (administrators). {@code queues} empty
 * or left out means every queue.
 */
@RestController
@RequestMapping("/api/v1/escalation-exclusions")
class EscalationExclusionController {

	private final ExclusionDates exclusions;

	EscalationExclusionController(ExclusionDates exclusions) {
		this.exclusions = exclusions;
	}

	/** {@code date} is {@code yyyy-mm-dd}; a string here so that a wrong one is named with a reason. */
	record ExclusionRequest(String name, String date, List<Long> queues) {
	}

	/** "The next {@code count} Saturdays", as on the admin page: {@code weekday} is {@code monday} … {@code sunday}. */
	record WeeklyRequest(String weekday, Integer count, List<Long> queues) {
	}

	record ExclusionBody(long id, String name, LocalDate date, boolean allQueues, List<Long> queues) {

		static ExclusionBody of(EscalationExclusion e) {
			return new ExclusionBody(e.id(), e.name(), e.date(), e.allQueues(), e.queueIds());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ExclusionBody add(@RequestBody ExclusionRequest body) {
		return ExclusionBody.of(exclusions.add(new NewExclusion(body.name(), body.date(), body.queues())));
	}

	/** Adds exclusions on the next occurrences of a weekday, skipping dates already excluded for the same queues. */
	@PostMapping("/weekly")
	@ResponseStatus(HttpStatus.CREATED)
	List<ExclusionBody> addWeekly(@RequestBody WeeklyRequest body) {
		return exclusions.addWeekly(new WeeklyExclusions(body.weekday(), String.valueOf(body.count()), body.queues()))
			.stream().map(ExclusionBody::of).toList();
	}

	@GetMapping
	List<ExclusionBody> list() {
		return exclusions.list().stream().map(ExclusionBody::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		exclusions.delete(id);
	}
}
