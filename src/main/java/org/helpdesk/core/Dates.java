package org.helpdesk.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.TimeZone;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows instants in the reader's language and time zone (pages use {@code ${@dates.format(t)}}).
 */
@Component("dates")
public class Dates {

	public String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(zone())
			.format(instant);
	}

	/** {@code yyyy-MM-dd'T'HH:mm} in the reader's zone, for datetime-local inputs. */
	public String input(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(zone()).format(instant);
	}

	public ZoneId zone() {
		TimeZone zone = LocaleContextHolder.getTimeZone();
		return zone == null ? ZoneOffset.UTC : zone.toZoneId();
	}
}
