package org.helpdesk.core;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks on text that arrives from outside: encoding damage, control characters, e-mail shape.
 */
public final class Input {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

	private static final Pattern SURROUNDING_SPACE = Pattern.compile("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$");

	private Input() {
	}

	/**
	 * The value without surrounding spaces, tabs and line breaks. Unlike {@link String#trim()}, which drops every
	 * character up to U+0020, it keeps NUL and the other control characters, so that the checks after it see them
	 * ({@code 1%00} must not become the ticket number 1).
	 */
	public static String withoutSurroundingSpace(String value) {
		return value == null ? null : SURROUNDING_SPACE.matcher(value).replaceAll("");
	}

	/** A positive whole number of at most 18 digits with nothing but spaces around it, or empty. */
	public static Optional<Long> wholeNumber(String value) {
		String digits = withoutSurroundingSpace(value);
		if (digits == null || !WHOLE_NUMBER.matcher(digits).matches()) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(digits));
	}

	/** A replacement character means the bytes were not valid UTF-8 when they were decoded. */
	public static boolean isDamaged(String value) {
		return value != null && value.indexOf('\uFFFD') >= 0;
	}

	/** Control characters other than tab, CR and LF have no place in text people wrote. */
	public static boolean hasControlCharacters(String value, boolean allowLineBreaks) {
		if (value == null) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = c == '\t' || (allowLineBreaks && (c == '\n' || c == '\r'));
			if (Character.isISOControl(c) && !allowed) {
				return true;
			}
		}
		return false;
	}

	/** One plain address that mail is sent to exactly as written; see {@link EmailAddress}. */
	public static boolean isEmailAddress(String value) {
		return EmailAddress.isValid(value);
	}

	public static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** Problems with a piece of free text, or null when it is acceptable. */
	public static FieldProblem checkText(String field, String value, int maxLength, boolean multiline) {
		if (value == null) {
			return null;
		}
		if (isDamaged(value)) {
			return new FieldProblem(field, "is not valid UTF-8 text");
		}
		if (hasControlCharacters(value, multiline)) {
			return new FieldProblem(field, "contains control characters");
		}
		if (value.length() > maxLength) {
			return new FieldProblem(field, "must be at most " + maxLength + " characters");
		}
		return null;
	}
}
