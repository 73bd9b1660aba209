package org.helpdesk.web.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.attachment.Upload;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns the text of form fields into values, collecting a problem per field instead of failing on the first.
 * Blank means "not given" everywhere.
 */
final class TicketForms {

	private static final Pattern TIME_SPENT = Pattern.compile("(\\d{1,4})(?::([0-5]\\d))?");

	private TicketForms() {
	}

	/** A {@code datetime-local} value, read in the reader's time zone. */
	static Instant dateTime(String field, String value, ZoneId zone, List<FieldProblem> problems) {
		if (isBlank(value)) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "must be a date and time (YYYY-MM-DDTHH:MM)"));
			return null;
		}
	}

	/** {@code H:MM} or whole hours. */
	static Duration timeSpent(String value, List<FieldProblem> problems) {
		if (isBlank(value)) {
			return null;
		}
		Matcher m = TIME_SPENT.matcher(value.trim());
		if (!m.matches()) {
			problems.add(new FieldProblem("time_spent", "must be hours and minutes (H:MM)"));
			return null;
		}
		long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
		return Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(minutes);
	}

	static Long id(String field, String value, List<FieldProblem> problems) {
		if (isBlank(value)) {
			return null;
		}
		try {
			long id = Long.parseLong(Input.withoutSurroundingSpace(value).replaceFirst("^#", ""));
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, like a negative number
		}
		problems.add(new FieldProblem(field, "must be a positive number"));
		return null;
	}

	static Integer number(String field, String value, List<FieldProblem> problems) {
		if (isBlank(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "must be a number"));
			return null;
		}
	}

	/** The files actually chosen: an empty file input still sends one nameless, empty part. */
	static List<Upload> uploads(List<MultipartFile> files) {
		return Upload.chosen(files).stream().filter(upload -> !isBlank(upload.filename())).toList();
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}
}
