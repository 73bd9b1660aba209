package org.helpdesk.customfield;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.helpdesk.core.Input;

/**
 * Turns the text a client sent for a custom field into the stored form, or says why it cannot be.
 */
final class CustomFieldTypes {

	static final Set<String> TYPES = Set.of("varchar", "text", "integer", "decimal", "list", "boolean", "date", "time",
			"datetime", "email", "url", "ipaddress", "slug");

	private static final Pattern SLUG = Pattern.compile("[-a-zA-Z0-9_]+");

	private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

	private CustomFieldTypes() {
	}

	/** The normalised value, or a problem description in {@code Optional.empty()}'s place via the exception. */
	static String normalise(CustomField field, String raw) {
		String value = raw.trim();
		int max = field.maxLength() == null ? 100_000 : field.maxLength();
		return switch (field.dataType()) {
			case "varchar", "text" -> require(value.length() <= max, "must be at most " + max + " characters", raw);
			case "integer" -> require(value.matches("-?\\d{1,18}"), "must be a whole number", value);
			case "decimal" -> decimal(field, value);
			case "list" -> require(field.listValues().contains(value), "must be one of " + field.listValues(), value);
			case "boolean" -> bool(value);
			case "date" -> parse(() -> LocalDate.parse(value).toString(), "must be a date (YYYY-MM-DD)");
			case "time" -> parse(() -> LocalTime.parse(value).withNano(0).toString(), "must be a time (HH:MM[:SS])");
			case "datetime" -> parse(() -> LocalDateTime.parse(value).withSecond(0).withNano(0).toString(),
					"must be a date-time (YYYY-MM-DDTHH:MM)");
			case "email" -> require(Input.isEmailAddress(value), "is not a valid e-mail address", value);
			case "url" -> url(value);
			case "ipaddress" -> require(IPV4.matcher(value).matches() || (value.contains(":") && IPV6.matcher(value).matches()),
					"is not a valid IP address", value);
			case "slug" -> require(SLUG.matcher(value).matches() && value.length() <= max,
					"may contain only letters, digits, - and _", value);
			default -> throw new IllegalStateException("Unknown custom field type " + field.dataType());
		};
	}

	private static String decimal(CustomField field, String value) {
		try {
			BigDecimal number = new BigDecimal(value);
			int places = field.decimalPlaces() == null ? 2 : field.decimalPlaces();
			int digits = field.maxLength() == null ? 18 : field.maxLength();
			if (number.scale() > places || number.precision() - number.scale() > digits - places) {
				throw new InvalidValue("must have at most " + digits + " digits, " + places + " after the point");
			}
			return number.toPlainString();
		}
		catch (NumberFormatException ex) {
			throw new InvalidValue("must be a decimal number");
		}
	}

	private static String bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1", "on" -> "True";
			case "false", "no", "n", "0", "off" -> "False";
			default -> throw new InvalidValue("must be true or false");
		};
	}

	private static String url(String value) {
		try {
			URI uri = new URI(value);
			String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
			return require((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null,
					"must be an http or https URL", value);
		}
		catch (URISyntaxException ex) {
			throw new InvalidValue("must be an http or https URL");
		}
	}

	private static String parse(java.util.function.Supplier<String> parser, String reason) {
		try {
			return parser.get();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValue(reason);
		}
	}

	private static String require(boolean ok, String reason, String value) {
		if (!ok) {
			throw new InvalidValue(reason);
		}
		return value;
	}

	static final class InvalidValue extends RuntimeException {

		InvalidValue(String reason) {
			super(reason, null, false, false);
		}
	}
}
