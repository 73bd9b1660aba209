package org.helpdesk.web.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.helpdesk.core.Dates;
import org.helpdesk.ticket.FieldChange;
import org.helpdesk.ticket.FollowUpView;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts follow-ups, their field changes and attachments into one timeline in the reader's language. History stores
 * English field names and labels (as the original did); they are translated here, unknown ones shown as stored.
 */
@Component
public class TimelineEntries {

	/** One follow-up as the page shows it; {@code comment} is rendered through the sanitiser by the template. */
	public record Entry(FollowUpView followUp, List<String> changes, String timeSpent) {
	}

	private static final Map<String, String> FIELDS = Map.of("Status", "status", "Owner", "owner", "Priority",
			"priority", "Queue", "queue", "Due on", "due", "On Hold", "onHold", "Title", "title", "Description",
			"description", "Submitter E-Mail", "submitter");

	private final MessageSource messages;

	private final Dates dates;

	TimelineEntries(MessageSource messages, Dates dates) {
		this.messages = messages;
		this.dates = dates;
	}

	List<Entry> of(List<FollowUpView> followUps, Map<Long, Duration> timeSpent) {
		return followUps.stream()
			.map(f -> new Entry(f, f.changes().stream().map(this::sentence).toList(),
					hoursAndMinutes(timeSpent.get(f.id()))))
			.toList();
	}

	static String hoursAndMinutes(Duration duration) {
		if (duration == null || duration.isZero()) {
			return null;
		}
		return duration.toHours() + ":" + String.format("%02d", duration.toMinutesPart());
	}

	private String sentence(FieldChange change) {
		String key = FIELDS.get(change.field());
		String field = key == null ? change.field() : text("ticket.change.field." + key);
		if ("description".equals(key)) {
			return text("ticket.change.withoutValues", field);
		}
		return text("ticket.change.sentence", field, value(key, change.oldValue()), value(key, change.newValue()));
	}

	private String value(String key, String stored) {
		if (stored == null || stored.isBlank()) {
			return text("ticket.change.none");
		}
		return switch (key == null ? "" : key) {
			case "status" -> Arrays.stream(TicketStatus.values()).filter(s -> s.label().equals(stored)).findFirst()
				.map(s -> text("status." + s.code())).orElse(stored);
			case "priority" -> stored.matches("[1-5]") ? text("priority." + stored) : stored;
			case "owner" -> "Unassigned".equals(stored) ? text("ticket.unassigned") : stored;
			case "onHold" -> text("true".equalsIgnoreCase(stored) ? "ticket.yes" : "ticket.no");
			case "due" -> formatInstant(stored);
			default -> stored;
		};
	}

	private String formatInstant(String stored) {
		try {
			return dates.format(Instant.parse(stored));
		}
		catch (DateTimeParseException ex) {
			return stored;
		}
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}
}
