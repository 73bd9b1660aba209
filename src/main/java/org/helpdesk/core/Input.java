package org.helpdesk.core;

import java.util.regex.Pattern;

/**
 * Checks on text that arrives from outside: encoding damage, control characters, e-mail shape.
 */
public final class Input {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\",;]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	private Input() {
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

	public static boolean isEmailAddress(String value) {
		return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
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
