package org.helpdesk.escalation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.QueueManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the exclusion dates: days that do not count towards a queue's escalation wait. Each method checks all its
 * input before it writes anything.
 */
@Service
@Transactional
public class ExclusionDates {

	static final int MAX_NAME = 100;

	static final int MAX_WEEKS = 104;

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private final Exclusions exclusions;

	private final QueueManagement queues;

	private final EscalationSettings settings;

	private final Clock clock;

	ExclusionDates(Exclusions exclusions, QueueManagement queues, EscalationSettings settings, Clock clock) {
		this.exclusions = exclusions;
		this.queues = queues;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<EscalationExclusion> list() {
		return exclusions.list();
	}

	public EscalationExclusion add(NewExclusion request) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = name(request.name(), problems);
		Optional<LocalDate> date = date(request.date(), problems);
		List<Long> queueIds = queueIds(request.queueIds(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = exclusions.insert(name, date.orElseThrow(), queueIds);
		return exclusions.list().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Adds exclusions named "Auto exclusion for Saturday" on the next {@code count} occurrences of the weekday,
	 * today included, skipping dates that already have an exclusion for the same queues; returns those added.
	 */
	public List<EscalationExclusion> addWeekly(WeeklyExclusions request) {
		List<FieldProblem> problems = new ArrayList<>();
		Optional<DayOfWeek> weekday = weekday(request.weekday(), problems);
		int count = count(request.count(), problems);
		List<Long> queueIds = queueIds(request.queueIds(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		List<EscalationExclusion> existing = exclusions.list();
		String name = "Auto exclusion for " + weekday.get().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
		LocalDate date = LocalDate.ofInstant(clock.instant(), settings.timeZone())
			.with(TemporalAdjusters.nextOrSame(weekday.get()));
		List<Long> added = new ArrayList<>();
		for (int i = 0; i < count; i++, date = date.plusWeeks(1)) {
			LocalDate day = date;
			if (existing.stream().noneMatch(e -> e.date().equals(day) && sameQueues(e, queueIds))) {
				added.add(exclusions.insert(name, day, queueIds));
			}
		}
		return exclusions.list().stream().filter(e -> added.contains(e.id())).toList();
	}

	public void delete(long id) {
		if (!exclusions.delete(id)) {
			throw new ExclusionNotFound(id);
		}
	}

	private static boolean sameQueues(EscalationExclusion e, List<Long> queueIds) {
		return queueIds.isEmpty() ? e.allQueues() : !e.allQueues() && new HashSet<>(e.queueIds()).equals(new HashSet<>(queueIds));
	}

	private static String name(String value, List<FieldProblem> problems) {
		if (Input.isBlank(value)) {
			problems.add(new FieldProblem("name", "is required"));
			return null;
		}
		String name = value.trim();
		Optional.ofNullable(Input.checkText("name", name, MAX_NAME, false)).ifPresent(problems::add);
		return name;
	}

	private static Optional<LocalDate> date(String value, List<FieldProblem> problems) {
		if (Input.isBlank(value)) {
			problems.add(new FieldProblem("date", "is required"));
			return Optional.empty();
		}
		try {
			LocalDate date = LocalDate.parse(value.trim());
			if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
				return Optional.of(date);
			}
		}
		catch (DateTimeParseException ex) {
			// reported below, as every other wrong date
		}
		problems.add(new FieldProblem("date", "must be a date such as 2026-12-24"));
		return Optional.empty();
	}

	private static Optional<DayOfWeek> weekday(String value, List<FieldProblem> problems) {
		try {
			return Optional.of(DayOfWeek.valueOf(value.trim().toUpperCase(Locale.ROOT)));
		}
		catch (RuntimeException ex) { // null or not a day's name
			problems.add(new FieldProblem("weekday", "must be a day of the week such as saturday"));
			return Optional.empty();
		}
	}

	private static int count(String value, List<FieldProblem> problems) {
		Optional<Long> count = Input.wholeNumber(value == null ? "" : value);
		if (count.isEmpty() || count.get() < 1 || count.get() > MAX_WEEKS) {
			problems.add(new FieldProblem("count", "must be a whole number from 1 to " + MAX_WEEKS));
			return 0;
		}
		return count.get().intValue();
	}

	private List<Long> queueIds(List<Long> values, List<FieldProblem> problems) {
		List<Long> ids = values == null ? List.of() : values.stream().distinct().toList();
		List<Long> missing = ids.stream().filter(id -> id == null || queues.find(id).isEmpty()).toList();
		if (!missing.isEmpty()) {
			problems.add(new FieldProblem("queues", "unknown queue ids " + missing));
			return List.of();
		}
		return ids;
	}
}
