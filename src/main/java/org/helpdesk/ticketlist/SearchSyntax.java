package org.helpdesk.ticketlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a search as people type it: every word must match; {@code "an exact phrase"}; {@code a OR b}; {@code -word}
 * leaves out; {@code prefix*}; {@code title:}, {@code from:}, {@code queue:}, {@code owner:} and {@code status:} look
 * in one field. Nothing else is syntax: Lucene's own operators ({@code field:[a TO b]}, {@code ~}, {@code ^},
 * parentheses) are plain characters, which analysis then drops, and a quote without its closing quote is ignored.
 * So no input is ever an error: whatever is not understood is searched for as plain words.
 */
final class SearchSyntax {

	/** Where a clause looks. */
	enum Target {
		TEXT, TITLE, FROM, QUEUE, OWNER, STATUS
	}

	enum Kind {
		/** One typed word; punctuation inside it (flux-capacitor) makes it a phrase of its parts. */
		WORD,
		/** Quoted words, in this order, next to each other. */
		PHRASE,
		/** A word typed with a trailing star: every word that starts with it. */
		PREFIX
	}

	/** One typed term. */
	record Clause(Target target, Kind kind, String text, boolean negated) {
	}

	/**
	 * A search: every group must match, and a group matches when any of its clauses does (the clauses that
	 * {@code OR} joined; most groups have one).
	 */
	record Parsed(List<List<Clause>> groups) {

		boolean isEmpty() {
			return groups.isEmpty();
		}

		List<Clause> clauses() {
			return groups.stream().flatMap(List::stream).toList();
		}
	}

	/** More terms than anyone types; the rest of a long search is ignored rather than making a huge query. */
	static final int MAX_CLAUSES = 32;

	private static final Pattern FIELD = Pattern.compile("(?i)(title|from|queue|owner|status):");

	private static final Object OR = new Object();

	private final String input;

	private int at;

	private SearchSyntax(String input) {
		this.input = input;
	}

	static Parsed parse(String search) {
		return new SearchSyntax(search == null ? "" : search).groups();
	}

	private Parsed groups() {
		List<List<Clause>> groups = new ArrayList<>();
		boolean joinWithPrevious = false;
		int clauses = 0;
		Object item;
		while (clauses < MAX_CLAUSES && (item = next()) != null) {
			if (item == OR) {
				joinWithPrevious = !groups.isEmpty();
			}
			else if (item instanceof Clause clause) {
				if (joinWithPrevious) {
					groups.get(groups.size() - 1).add(clause);
				}
				else {
					groups.add(new ArrayList<>(List.of(clause)));
				}
				joinWithPrevious = false;
				clauses++;
			}
		}
		return new Parsed(groups.stream().map(List::copyOf).toList());
	}

	/** The next clause, {@link #OR}, {@link Boolean#FALSE} for something to skip, or null at the end. */
	private Object next() {
		while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
			at++;
		}
		if (at >= input.length()) {
			return null;
		}
		boolean negated = false;
		while (at < input.length() && input.charAt(at) == '-') {
			negated = true;
			at++;
		}
		if (endOfTerm()) {
			return Boolean.FALSE; // a dash alone
		}
		Target target = Target.TEXT;
		Matcher field = FIELD.matcher(input).region(at, input.length());
		if (field.lookingAt() && field.end() < input.length() && !Character.isWhitespace(input.charAt(field.end()))) {
			target = Target.valueOf(field.group(1).toUpperCase(Locale.ROOT));
			at = field.end();
		}
		if (input.charAt(at) == '"') {
			int close = input.indexOf('"', at + 1);
			if (close < 0) {
				at++; // a quote that is never closed: the words after it are plain words
				return Boolean.FALSE;
			}
			String phrase = input.substring(at + 1, close);
			at = close + 1;
			return phrase.isBlank() ? Boolean.FALSE : new Clause(target, Kind.PHRASE, phrase.strip(), negated);
		}
		int start = at;
		while (!endOfTerm()) {
			at++;
		}
		String word = input.substring(start, at);
		if (word.equals("OR") && target == Target.TEXT && !negated) {
			return OR;
		}
		if (word.endsWith("*")) {
			String stem = word.replaceAll("\\*+$", "");
			return stem.isEmpty() ? Boolean.FALSE : new Clause(target, Kind.PREFIX, stem, negated);
		}
		return new Clause(target, Kind.WORD, word, negated);
	}

	private boolean endOfTerm() {
		return at >= input.length() || Character.isWhitespace(input.charAt(at));
	}
}
