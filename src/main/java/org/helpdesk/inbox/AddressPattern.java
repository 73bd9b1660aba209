package org.helpdesk.inbox;

import java.util.Locale;
import java.util.Optional;

/**
 * A sender address pattern of an ignore rule. It must match the whole address, ignoring case; {@code *} stands for
 * any run of characters, none included, {@code @} and dots too: {@code *@spam.example} is every sender at exactly
 * that domain, {@code *@*.spam.example} every sender at its subdomains, {@code noreply@*} that local part at any
 * domain, {@code *.marketing.example} every address ending so. Anything else is taken literally; there is no other
 * wildcard and no escape. Matching takes at worst the product of the lengths of pattern and address in steps, so a
 * hostile pattern or sender cannot stall ingestion (a regular expression of many stars could backtrack for ages).
 */
record AddressPattern(String text) {

	static final int MAX_LENGTH = 254;

	/** Characters an address may have that would make a pattern ambiguous or no address at all. */
	private static final String FORBIDDEN = "<>()[]\\,;:\"";

	/** Why this text is no pattern, in words for the person who typed it; empty when it is one. */
	static Optional<String> problem(String text) {
		if (text == null || text.isBlank()) {
			return Optional.of("is required");
		}
		String pattern = text.strip();
		if (pattern.length() > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters");
		}
		if (pattern.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
				|| FORBIDDEN.indexOf(c) >= 0 || c == '\uFFFD')) {
			return Optional.of(SHAPE);
		}
		if (pattern.chars().allMatch(c -> c == '*')) {
			return Optional.of(SHAPE);
		}
		return Optional.empty();
	}

	static final String SHAPE = "must be an address with * for any characters, such as *@example.com or noreply@*; "
			+ "no spaces, commas, quotes or brackets, and more than *";

	/** The pattern of a checked text, lower-cased, runs of {@code *} made one. */
	static AddressPattern of(String text) {
		return new AddressPattern(text.strip().toLowerCase(Locale.ROOT).replaceAll("\\*+", "*"));
	}

	/** An address without wildcards matches itself only. */
	boolean isExact() {
		return text.indexOf('*') < 0;
	}

	/** {@code *@domain}: every local part at exactly one domain. */
	Optional<String> wholeDomain() {
		String domain = text.startsWith("*@") ? text.substring(2) : "";
		return domain.isEmpty() || domain.indexOf('*') >= 0 ? Optional.empty() : Optional.of(domain);
	}

	/** Glob matching without backtracking beyond the last star seen (the classic two-pointer algorithm). */
	boolean matches(String address) {
		String candidate = address.toLowerCase(Locale.ROOT);
		int p = 0;
		int a = 0;
		int star = -1;
		int resume = 0;
		while (a < candidate.length()) {
			if (p < text.length() && text.charAt(p) == '*') {
				star = p++;
				resume = a;
			}
			else if (p < text.length() && text.charAt(p) == candidate.charAt(a)) {
				p++;
				a++;
			}
			else if (star >= 0) {
				p = star + 1;
				a = ++resume;
			}
			else {
				return false;
			}
		}
		while (p < text.length() && text.charAt(p) == '*') {
			p++;
		}
		return p == text.length();
	}
}
