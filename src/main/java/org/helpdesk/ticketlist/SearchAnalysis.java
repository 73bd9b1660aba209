package org.helpdesk.ticketlist;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How ticket text becomes search terms. Text goes into three fields at once: one stemmed for English ("printers"
 * finds "printer"), one stemmed for German ("Druckers" finds "Drucker"), and a language-neutral one that keeps every
 * word as written (lower case), for phrases, prefixes, spelling suggestions and words of any other language. A search
 * is analysed the same way, and in addition a number also looks for its words ({@code 3}: three, third, 3rd, drei,
 * dritte; see {@code search/numbers.txt}).
 */
final class SearchAnalysis {

	/** The languages with a stemmed field of their own; everything else is found through the neutral field. */
	enum Language {

		ENGLISH("_en"), GERMAN("_de");

		private final String suffix;

		Language(String suffix) {
			this.suffix = suffix;
		}

		String field(String base) {
			return base + suffix;
		}

		/** The languages to stem a queue's text for: its own, or every one when it has none (or another). */
		static java.util.Set<Language> ofQueue(String locale) {
			if (locale == null || locale.isBlank()) {
				return java.util.EnumSet.allOf(Language.class);
			}
			String language = locale.toLowerCase(java.util.Locale.ROOT);
			if (language.startsWith("de")) {
				return java.util.EnumSet.of(GERMAN);
			}
			return language.startsWith("en") ? java.util.EnumSet.of(ENGLISH) : java.util.EnumSet.allOf(Language.class);
		}

		/** The stemmed field to boost for a reader of this language (German for German, English for the rest). */
		static Language of(java.util.Locale locale) {
			return locale != null && "de".equals(locale.getLanguage()) ? GERMAN : ENGLISH;
		}
	}

	private static final SynonymMap NUMBERS = numbers();

	private SearchAnalysis() {
	}

	/** How documents are analysed: each stemmed field by its language, every other text field neutrally. */
	static Analyzer forDocuments() {
		return perField(false);
	}

	/** How searches are analysed: as documents are, with numbers also looking for their words. */
	static Analyzer forSearches() {
		return perField(true);
	}

	private static Analyzer perField(boolean numbers) {
		Analyzer english = new Chain(Language.ENGLISH, numbers);
		Analyzer german = new Chain(Language.GERMAN, numbers);
		return new PerFieldAnalyzerWrapper(new Chain(null, numbers),
				Map.of(Language.ENGLISH.field(SearchFields.TEXT), english,
						Language.ENGLISH.field(SearchFields.TITLE), english,
						Language.GERMAN.field(SearchFields.TEXT), german, Language.GERMAN.field(SearchFields.TITLE), german));
	}

	/**
	 * The standard tokenizer (Unicode word boundaries), lower case, then for a language its stop words and stemmer.
	 * Stop words go only from the stemmed fields, so the neutral field still finds a phrase word for word.
	 */
	private static final class Chain extends Analyzer {

		private final Language language;

		private final boolean numbers;

		Chain(Language language, boolean numbers) {
			this.language = language;
			this.numbers = numbers;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream result = source;
			if (language == Language.ENGLISH) {
				result = new EnglishPossessiveFilter(result);
			}
			result = new LowerCaseFilter(result);
			if (numbers) {
				result = new SynonymGraphFilter(result, NUMBERS, true);
			}
			if (language == Language.ENGLISH) {
				result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
				result = new PorterStemFilter(result);
			}
			else if (language == Language.GERMAN) {
				result = new StopFilter(result, GermanAnalyzer.getDefaultStopSet());
				result = new GermanNormalizationFilter(result);
				result = new GermanLightStemFilter(result);
			}
			return new TokenStreamComponents(source, result);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			TokenStream result = new LowerCaseFilter(in);
			return language == Language.GERMAN ? new GermanNormalizationFilter(result) : result;
		}
	}

	private static SynonymMap numbers() {
		try (Reader file = new InputStreamReader(
				SearchAnalysis.class.getResourceAsStream("/search/numbers.txt"), StandardCharsets.UTF_8)) {
			SolrSynonymParser parser = new SolrSynonymParser(true, true, new WhitespaceAnalyzer());
			parser.parse(file);
			return parser.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("search/numbers.txt: " + ex.getMessage(), ex);
		}
	}
}
