package org.helpdesk.ticketlist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.helpdesk.ticketlist.SearchSyntax.Clause;
import org.helpdesk.ticketlist.SearchSyntax.Kind;
import org.helpdesk.ticketlist.SearchSyntax.Target;

/**
 * "Did you mean": the search with each word that no ticket holds replaced by the closest word that some ticket
 * holds (Lucene's {@link DirectSpellChecker} over the neutral field, at most two letters apart). The caller offers
 * it only when it finds tickets the reader may see, so a word from a queue the reader cannot use never shows.
 */
final class SpellingSuggestion {

	private static final Analyzer WORDS = SearchAnalysis.forDocuments();

	private final DirectSpellChecker checker = new DirectSpellChecker();

	/** The corrected search, or null when every word is known or none has a close known word. */
	String suggest(String search, SearchSyntax.Parsed parsed, IndexReader reader) throws IOException {
		Map<String, String> corrections = new LinkedHashMap<>();
		for (Clause clause : parsed.clauses()) {
			if (clause.negated() || clause.kind() == Kind.PREFIX
					|| (clause.target() != Target.TEXT && clause.target() != Target.TITLE)) {
				continue;
			}
			for (String word : words(clause.text())) {
				Term term = new Term(SearchFields.TEXT, word);
				if (!corrections.containsKey(word) && reader.docFreq(term) == 0) {
					SuggestWord[] close = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
					if (close.length > 0) {
						corrections.put(word, close[0].string);
					}
				}
			}
		}
		if (corrections.isEmpty()) {
			return null;
		}
		String corrected = search;
		for (Map.Entry<String, String> correction : corrections.entrySet()) {
			Pattern typed = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(correction.getKey())
					+ "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
			corrected = typed.matcher(corrected).replaceAll(Matcher.quoteReplacement(correction.getValue()));
		}
		return corrected.equals(search) ? null : corrected;
	}

	private static List<String> words(String text) throws IOException {
		List<String> words = new ArrayList<>();
		try (TokenStream stream = WORDS.tokenStream(SearchFields.TEXT, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				if (term.length() > 0 && Character.isLetter(term.charAt(0))) {
					words.add(term.toString());
				}
			}
			stream.end();
		}
		return words;
	}
}
