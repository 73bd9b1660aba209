package org.helpdesk.legacyapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The fields of one legacy request, parsed the way the contract says. Syntax problems are collected so that one
 * answer lists them all.
 */
final class LegacyParameters {

	private static final String NUMERIC_TICKET = "a numeric ticket ID is required";

	private static final Instant EARLIEST_DUE = Instant.parse("1900-01-01T00:00:00Z");

	private static final Instant LATEST_DUE = Instant.parse("9999-12-31T23:59:59Z");

	private final HttpServletRequest request;

	private final List<FieldProblem> problems = new ArrayList<>();

	LegacyParameters(HttpServletRequest request) {
		this.request = request;
	}

	/** The first value of a field, or null when it is absent. */
	String text(String name) {
		return request.getParameter(name);
	}

	String textOr(String name, String alias) {
		String value = text(name);
		return value != null ? value : text(alias);
	}

	long ticketId() {
		Optional<Long> id = number("ticket", text("ticket"));
		if (id.isEmpty()) {
			problems.add(new FieldProblem("ticket", NUMERIC_TICKET));
			return -1;
		}
		return id.get();
	}

	/** A positive whole number that fits a long, or empty; a control character anywhere makes it no number. */
	static Optional<Long> number(String field, String value) {
		return Input.wholeNumber(value);
	}

	Long optionalId(String field, String reason) {
		String value = text(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		Optional<Long> id = number(field, value);
		if (id.isEmpty()) {
			problems.add(new FieldProblem(field, reason));
			return null;
		}
		return id.get();
	}

	Integer priority() {
		String value = text("priority");
		if (value == null || value.isBlank()) {
			return null;
		}
		String digit = Input.withoutSurroundingSpace(value);
		if (!digit.matches("[1-5]")) {
			problems.add(new FieldProblem("priority", "must be an integer from 1 (critical) to 5 (very low)"));
			return null;
		}
		return Integer.parseInt(digit);
	}

	Instant dueDate() {
		String value = text("due_date");
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = Input.withoutSurroundingSpace(value);
		try {
			Instant due;
			if (v.length() == 10) {
				due = LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			else if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
				due = OffsetDateTime.parse(v).toInstant();
			}
			else {
				due = LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
			}
			// both databases store these years; PostgreSQL refuses dates past 294276
			if (due.isBefore(EARLIEST_DUE) || due.isAfter(LATEST_DUE)) {
				problems.add(new FieldProblem("due_date", "must be between the years 1900 and 9999"));
				return null;
			}
			return due;
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem("due_date", "must be an ISO-8601 date (2026-12-31) or date-time (2026-12-31T17:00)"));
			return null;
		}
	}

	boolean publicFlag() {
		String value = text("public");
		if (value == null || value.isBlank()) {
			return false;
		}
		return switch (Input.withoutSurroundingSpace(value).toLowerCase(Locale.ROOT)) {
			case "y", "yes", "true", "1" -> true;
			case "n", "no", "false", "0" -> false;
			default -> {
				problems.add(new FieldProblem("public", "Invalid 'public' flag"));
				yield false;
			}
		};
	}

	void requireNonEmpty(String field, String reason) {
		String value = text(field);
		if (value == null || value.isEmpty()) {
			problems.add(new FieldProblem(field, reason));
		}
	}

	List<Upload> attachments() {
		if (!(request instanceof MultipartHttpServletRequest multipart)) {
			return List.of();
		}
		return Upload.chosen(multipart.getFiles("attachment"));
	}

	/** Values of {@code custom_<name>} fields, keyed by name. */
	Map<String, String> customValues() {
		Map<String, String> values = new HashMap<>();
		request.getParameterMap().forEach((name, sent) -> {
			if (name.startsWith("custom_") && sent.length > 0) {
				values.put(name.substring("custom_".length()), sent[0]);
			}
		});
		return values;
	}

	void problem(String field, String reason) {
		problems.add(new FieldProblem(field, reason));
	}

	/** The syntax problems found so far. */
	List<FieldProblem> problems() {
		return List.copyOf(problems);
	}

	/** Throws the collected syntax problems, if any, before anything is written. */
	void check() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}
}
