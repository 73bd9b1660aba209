package org.helpdesk.ticketlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Looking tickets up in the word index behind keyword search: every distinct word (see {@link Words}) of a ticket's
 * title, description and follow-ups, once per ticket, added shortly after the change that wrote the text (see
 * {@link SearchIndexer}). Words are only ever added: after an edit the old title still finds the ticket, as its
 * history still shows it. Deleting a ticket deletes its words (see {@link SearchIndexEvents}).
 */
@Repository
class SearchWords {

	/** A search uses at most this many words; the rest of a very long search text is ignored. */
	static final int MAX_TERMS = 8;

	/** A word in at least this many tickets is common: looking its tickets up one by one would be slow. */
	static final int COMMON = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	SearchWords(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A searched word; with {@code prefix} it matches every word that starts with it. */
	record Term(String word, boolean prefix) {

		String test(String parameter) {
			return prefix ? "w.word like :" + parameter + " escape '!'" : "w.word = :" + parameter;
		}

		Object value() {
			return prefix ? TicketListSql.escapeLike(word) + "%" : word;
		}
	}

	/**
	 * The condition "ticket {@code t} has every word of the search", with its named parameters. {@code common} when
	 * even its rarest word is common, so that nearly any list of tickets holds matches.
	 */
	record Match(String condition, Map<String, Object> params, boolean common) {
	}

	/**
	 * How to find the tickets with every word of the search; {@code reference} is a ticket id the search also
	 * finds (when it reads like a ticket reference). Empty when the search holds no word at all.
	 *
	 * <p>
	 * The rarest word leads: its tickets are looked up in the index and the others are checked ticket by ticket.
	 * Which word is rarest is asked of the index first, counting each word's tickets up to {@link #COMMON}.
	 */
	Optional<Match> match(String search, Long reference) {
		List<Term> terms = new ArrayList<>(terms(search));
		if (terms.isEmpty()) {
			return Optional.empty();
		}
		Map<Term, Integer> counts = new LinkedHashMap<>();
		terms.forEach(term -> counts.put(term, ticketsWith(term)));
		terms.sort(Comparator.comparing(counts::get));
		boolean common = counts.get(terms.get(0)) >= COMMON;

		Map<String, Object> params = new LinkedHashMap<>();
		List<String> each = new ArrayList<>();
		String lead = null;
		for (int i = 0; i < terms.size(); i++) {
			String name = "word" + i;
			params.put(name, terms.get(i).value());
			if (i == 0 && !common) {
				lead = "select w.ticket_id from ticket_word w where " + terms.get(i).test(name);
			}
			else {
				each.add("exists (select 1 from ticket_word w where w.ticket_id = t.id and " + terms.get(i).test(name)
						+ ")");
			}
		}
		List<String> conditions = new ArrayList<>();
		if (reference != null) {
			params.put("reference", reference);
		}
		if (lead != null) {
			conditions.add("t.id in (" + lead + (reference == null ? "" : " union select cast(:reference as bigint)")
					+ ")");
		}
		if (!each.isEmpty()) {
			String all = String.join(" and ", each);
			conditions.add(reference == null ? all : "(" + all + " or t.id = :reference)");
		}
		return Optional.of(new Match("(" + String.join(" and ", conditions) + ")", params, common));
	}

	private int ticketsWith(Term term) {
		Integer count = jdbc.queryForObject(
				"select count(*) from (select 1 from ticket_word w where " + term.test("word") + " limit " + COMMON
						+ ") c",
				Map.of("word", term.value()), Integer.class);
		return count == null ? 0 : count;
	}

	/** The words of a search, at most {@link #MAX_TERMS}; a word typed with a trailing {@code *} is a prefix. */
	static List<Term> terms(String search) {
		List<Term> terms = new ArrayList<>();
		for (String token : search.trim().split("\\s+")) {
			boolean prefix = token.endsWith("*");
			List<String> words = new ArrayList<>(Words.of(token));
			for (int i = 0; i < words.size() && terms.size() < MAX_TERMS; i++) {
				Term term = new Term(words.get(i), prefix && i == words.size() - 1);
				if (!terms.contains(term)) {
					terms.add(term);
				}
			}
		}
		return terms;
	}
}
