package org.helpdesk.ticketlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticketlist.SearchAnalysis.Language;
import org.helpdesk.ticketlist.SearchSyntax.Clause;
import org.helpdesk.ticketlist.SearchSyntax.Kind;
import org.helpdesk.ticketlist.SearchSyntax.Target;

/**
 * Turns a parsed search into a Lucene query. A word matches in the neutral field or either stemmed one, the stemmed
 * field of the reader's language counting most; a word that is only a stop word of that language ("the", "der") need
 * not match. A word that reads like a ticket reference ({@code 42}, {@code #42}, {@code it-42}) also finds that
 * ticket, first. Phrases and prefixes look at the words as written (the neutral field).
 */
final class SearchQueries {

	/** Queue and owner names, which the index does not hold (see {@link IndexedTicket}), as ids. */
	interface Names {

		Set<Long> queues(String name, boolean prefix);

		Set<Long> owners(String name, boolean prefix);
	}

	private static final Pattern REFERENCE = Pattern.compile("^#?(?:[A-Za-z0-9_-]+-)?(\\d{1,18})$");

	/** Prefixes shorter than this are searched as whole words: "a*" would expand to most of the vocabulary. */
	static final int MIN_PREFIX = 2;

	private static final float READER_LANGUAGE = 1.0f;

	private static final float OTHER_LANGUAGE = 0.3f;

	private static final float NEUTRAL = 1.0f;

	private static final float IN_TITLE = 0.5f;

	private static final float REFERENCE_BOOST = 50f;

	private static final Analyzer SEARCHES = SearchAnalysis.forSearches();

	private static final Analyzer DOCUMENTS = SearchAnalysis.forDocuments();

	private final QueryBuilder words = new QueryBuilder(SEARCHES);

	private final QueryBuilder exact = new QueryBuilder(DOCUMENTS);

	private final Language language;

	private final Names names;

	SearchQueries(Language language, Names names) {
		this.language = language;
		this.names = names;
	}

	/** The query, or null when the search holds nothing to look for (only punctuation, say). */
	Query build(SearchSyntax.Parsed search) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int required = 0;
		int optional = 0;
		int excluded = 0;
		for (List<Clause> group : search.groups()) {
			if (group.size() == 1) {
				Clause clause = group.get(0);
				Query query = clause(clause);
				if (query == null) {
					continue;
				}
				if (clause.negated()) {
					all.add(query, Occur.MUST_NOT);
					excluded++;
				}
				else if (stopWord(clause)) {
					all.add(query, Occur.SHOULD);
					optional++;
				}
				else {
					all.add(query, Occur.MUST);
					required++;
				}
			}
			else {
				Query any = anyOf(group);
				if (any != null) {
					all.add(any, Occur.MUST);
					required++;
				}
			}
		}
		if (required == 0 && optional == 0 && excluded == 0) {
			return null;
		}
		if (required == 0 && optional > 0) {
			all.setMinimumNumberShouldMatch(1); // only stop words were typed: then they must match
		}
		else if (required == 0) {
			all.add(new MatchAllDocsQuery(), Occur.FILTER); // only exclusions
		}
		return all.build();
	}

	private Query anyOf(List<Clause> group) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		boolean some = false;
		for (Clause clause : group) {
			Query query = clause(clause);
			if (query == null) {
				continue;
			}
			if (clause.negated()) {
				query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
					.add(query, Occur.MUST_NOT)
					.build();
			}
			any.add(query, Occur.SHOULD);
			some = true;
		}
		return some ? any.build() : null;
	}

	/** The query of one clause without its sign; null when it holds no word. */
	Query clause(Clause clause) {
		return switch (clause.target()) {
			case TEXT -> withReference(clause, text(SearchFields.TEXT, clause));
			case TITLE -> text(SearchFields.TITLE, clause);
			case FROM -> from(clause);
			case QUEUE -> oneOf(SearchFields.QUEUE, names.queues(clause.text(), clause.kind() == Kind.PREFIX));
			case OWNER -> oneOf(SearchFields.OWNER, names.owners(clause.text(), clause.kind() == Kind.PREFIX));
			case STATUS -> status(clause);
		};
	}

	private Query text(String base, Clause clause) {
		return switch (clause.kind()) {
			case PHRASE -> exact.createPhraseQuery(base, clause.text());
			case PREFIX -> prefix(base, clause.text());
			case WORD -> word(base, clause.text());
		};
	}

	/**
	 * One typed word in the neutral field, both stemmed fields and (for ranking) the title. Parts of a word joined
	 * by punctuation ({@code flux-capacitor}, {@code printer~2}) must all be there.
	 */
	private Query word(String base, String word) {
		BooleanQuery.Builder fields = new BooleanQuery.Builder();
		boolean some = false;
		for (String field : SearchFields.textFields(base)) {
			Query query = words.createBooleanQuery(field, word, Occur.MUST);
			if (query != null) {
				fields.add(new BoostQuery(query, weight(field)), Occur.SHOULD);
				some = true;
			}
		}
		if (!some) {
			return null;
		}
		if (base.equals(SearchFields.TEXT)) {
			Query title = words.createBooleanQuery(SearchFields.TITLE, word, Occur.MUST);
			if (title != null) {
				fields.add(new BoostQuery(title, IN_TITLE), Occur.SHOULD);
			}
		}
		return fields.build();
	}

	private float weight(String field) {
		if (field.equals(language.field(SearchFields.TEXT)) || field.equals(language.field(SearchFields.TITLE))) {
			return READER_LANGUAGE;
		}
		return field.equals(SearchFields.TEXT) || field.equals(SearchFields.TITLE) ? NEUTRAL : OTHER_LANGUAGE;
	}

	/**
	 * Words that start with the typed letters, in the neutral field. Typed parts before the last one ({@code
	 * flux-cap*}) must be there as whole words.
	 */
	private Query prefix(String field, String typed) {
		List<String> parts = tokens(field, typed);
		if (parts.isEmpty()) {
			return null;
		}
		String last = parts.get(parts.size() - 1);
		if (last.length() < MIN_PREFIX || !typed.toLowerCase(Locale.ROOT).endsWith(last)) {
			return word(field, typed); // too short, or the end of the typed text was punctuation
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		parts.subList(0, parts.size() - 1).forEach(p -> all.add(new TermQuery(new Term(field, p)), Occur.MUST));
		all.add(new PrefixQuery(new Term(field, last)), Occur.MUST);
		return all.build();
	}

	private static List<String> tokens(String field, String text) {
		List<String> tokens = new ArrayList<>();
		try (var stream = DOCUMENTS.tokenStream(field, text)) {
			var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex); // analysing a string never does I/O
		}
		return tokens;
	}

	/**
	 * {@code #42} is ticket 42 alone; {@code 42} and {@code it-42} are ticket 42 first and then the tickets whose text
	 * holds them.
	 */
	private static Query withReference(Clause clause, Query text) {
		Long reference = clause.kind() == Kind.WORD ? reference(clause.text()) : null;
		if (reference == null) {
			return text;
		}
		Query ticket = new BoostQuery(LongField.newExactQuery(SearchFields.ID, reference), REFERENCE_BOOST);
		if (text == null || clause.text().startsWith("#")) {
			return ticket;
		}
		return new BooleanQuery.Builder().add(ticket, Occur.SHOULD).add(text, Occur.SHOULD).build();
	}

	/** The ticket id a word names when it reads like a reference: {@code 42}, {@code #42}, {@code it-42}. */
	static Long reference(String word) {
		Matcher matcher = REFERENCE.matcher(word);
		return matcher.matches() ? Long.parseLong(matcher.group(1)) : null;
	}

	private static Query from(Clause clause) {
		String address = clause.text().strip().toLowerCase(Locale.ROOT);
		if (clause.kind() == Kind.PREFIX) {
			return address.length() < MIN_PREFIX ? new MatchNoDocsQuery()
					: new PrefixQuery(new Term(SearchFields.FROM, address));
		}
		return new TermQuery(new Term(SearchFields.FROM, address));
	}

	private static Query status(Clause clause) {
		String typed = clause.text().strip().toLowerCase(Locale.ROOT);
		List<Query> statuses = new ArrayList<>();
		for (TicketStatus status : TicketStatus.values()) {
			boolean matches = clause.kind() == Kind.PREFIX ? status.code().startsWith(typed)
					: status.code().equals(typed);
			if (matches) {
				statuses.add(new TermQuery(new Term(SearchFields.STATUS, status.code())));
			}
		}
		if (statuses.isEmpty()) {
			return new MatchNoDocsQuery("no such status");
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		statuses.forEach(q -> any.add(q, Occur.SHOULD));
		return any.build();
	}

	/** Whether this word, typed alone, is only a stop word of the reader's language, and so need not match. */
	private boolean stopWord(Clause clause) {
		if (clause.kind() != Kind.WORD || (clause.target() != Target.TEXT && clause.target() != Target.TITLE)
				|| reference(clause.text()) != null) {
			return false;
		}
		String stemmed = language.field(clause.target() == Target.TITLE ? SearchFields.TITLE : SearchFields.TEXT);
		return words.createBooleanQuery(stemmed, clause.text(), Occur.MUST) == null;
	}

	/** A numeric field holding one of these values (none: nothing matches). */
	static Query oneOf(String field, Set<Long> values) {
		if (values.isEmpty()) {
			return new MatchNoDocsQuery("no such " + field);
		}
		return LongField.newSetQuery(field, values.stream().mapToLong(Long::longValue).toArray());
	}
}
