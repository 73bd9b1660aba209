package org.helpdesk.ticketlist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.helpdesk.ticketlist.SearchAnalysis.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lines under a found ticket that show why it matched: the best passages of its description and follow-ups
 * with the matching words marked. The text is read from the database (the index stores none) and analysed again
 * with the search's query, only for the tickets on the page. Everything is HTML-escaped except the {@code <mark>}
 * tags this class adds.
 */
@Component
class Snippets {

	/** Passages per ticket. */
	private static final int PASSAGES = 2;

	/** Roughly how long one passage is, in characters. */
	private static final int PASSAGE_LENGTH = 140;

	private final JdbcClient jdbc;

	private final UnifiedHighlighter highlighter = UnifiedHighlighter
		.builderWithoutSearcher(SearchAnalysis.forDocuments())
		.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
		.withBreakIterator(() -> LengthGoalBreakIterator
			.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_LENGTH, 0.5f))
		.withMaxLength(IndexedTicket.MAX_TEXT)
		.withMaxNoHighlightPassages(0)
		.build();

	Snippets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Per ticket that has one, its snippet as HTML; tickets whose description and follow-ups do not match have none. */
	Map<Long, String> of(List<Long> ids, Query query, Language language) {
		Map<Long, String> snippets = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return snippets;
		}
		texts(ids).forEach((id, text) -> {
			String snippet = highlight(text, query, language);
			if (snippet != null) {
				snippets.put(id, snippet);
			}
		});
		return snippets;
	}

	/**
	 * The best passages, looked for with the reader's language first (where "printers" marks "printer"), then word
	 * for word, then in the other language.
	 */
	String highlight(String text, Query query, Language language) {
		try {
			for (String field : List.of(language.field(SearchFields.TEXT), SearchFields.TEXT,
					other(language).field(SearchFields.TEXT))) {
				Object snippet = highlighter.highlightWithoutSearcher(field, query, text, PASSAGES);
				if (snippet instanceof String html && html.contains("<mark>")) {
					return html.strip();
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // analysing a string never does I/O
		}
	}

	private static Language other(Language language) {
		return language == Language.ENGLISH ? Language.GERMAN : Language.ENGLISH;
	}

	/** Each ticket's description and follow-up comments, as one text with blank lines between. */
	private Map<Long, String> texts(List<Long> ids) {
		Map<Long, StringBuilder> texts = new HashMap<>();
		jdbc.sql("select id, description from ticket where id in (:ids)").param("ids", ids).query(rs -> {
			texts.put(rs.getLong(1), new StringBuilder(rs.getString(2) == null ? "" : rs.getString(2)));
		});
		jdbc.sql("select ticket_id, comment from followup where ticket_id in (:ids) and comment is not null"
				+ " order by ticket_id, id")
			.param("ids", ids)
			.query(rs -> {
				StringBuilder text = texts.get(rs.getLong(1));
				if (text != null && text.length() < IndexedTicket.MAX_TEXT) {
					text.append("\n\n").append(rs.getString(2));
				}
			});
		Map<Long, String> ordered = new LinkedHashMap<>();
		ids.forEach(id -> {
			if (texts.containsKey(id)) {
				ordered.put(id, texts.get(id).toString());
			}
		});
		return ordered;
	}
}
