package org.helpdesk.ticketlist;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.helpdesk.account.Account;
import org.helpdesk.ticketlist.SearchAnalysis.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The ticket list when it has a keyword: Lucene finds, filters (the reader's queues and every list filter), counts,
 * sorts and pages the matching tickets, and the page's rows are then read from the database as for any list. Pages
 * continue from a ticket as in the SQL list: sorted by a column they seek from its values ({@link TicketSeek});
 * ranked by relevance they rank down to it, up to {@link #MAX_RANKED} results deep.
 */
@Service
class KeywordSearch {

	private static final Logger log = LoggerFactory.getLogger(KeywordSearch.class);

	/** How deep a list ranked by relevance pages; sorted by a column, it pages to the end. */
	static final int MAX_RANKED = 10_000;

	private static final int MAX_PAGE = 100;

	private final SearchIndex index;

	private final SearchNames names;

	private final Snippets snippets;

	KeywordSearch(SearchIndex index, SearchNames names, Snippets snippets) {
		this.index = index;
		this.names = names;
		this.snippets = snippets;
	}

	/** A page found through the index, its rows read by {@code rows} (ids in, rows in the same order out). */
	TicketPage search(TicketQuery query, TicketPage.Position position, Account reader, ZoneId zone,
			Function<List<Long>, List<TicketRow>> rows) {
		int size = Math.min(Math.max(query.pageSize(), 1), MAX_PAGE);
		Optional<SearchIndex.Lease> lease = index.acquire();
		if (lease.isEmpty()) {
			return empty(size, SearchNotes.REBUILDING);
		}
		Language language = Language.of(LocaleContextHolder.getLocale());
		SearchSyntax.Parsed parsed = SearchSyntax.parse(query.keyword());
		SearchQueries queries = new SearchQueries(language, names.of(reader));
		Query text = queries.build(parsed);
		if (text == null) {
			lease.get().close();
			return empty(size, SearchNotes.NO_WORDS);
		}
		Query filters = SearchFilters.of(query, reader, zone);
		try (SearchIndex.Lease searcher = lease.get()) {
			Found found = query.sort() == TicketSort.RELEVANCE
					? ranked(searcher.searcher(), both(text, filters), position, reader, size)
					: sorted(searcher.searcher(), both(text, filters), query, position, reader, size);
			if (found == null) {
				return search(query, TicketPage.Position.FIRST, reader, zone, rows);
			}
			List<TicketRow> shown = rows.apply(found.ids());
			String suggestion = found.total() == 0
					? suggestion(searcher.searcher(), query.keyword(), parsed, queries, filters) : null;
			SearchNotes notes = new SearchNotes(
					snippets.of(shown.stream().map(TicketRow::id).toList(), text, language), suggestion, false, false);
			return page(shown, found, size, notes);
		}
		catch (IOException ex) {
			// a damaged file, most likely: the feed rebuilds the index, and meanwhile the list says so
			log.warn("Search failed, the index will be rebuilt: {}", ex.toString());
			lease.get().generation().markBroken();
			return empty(size, SearchNotes.REBUILDING);
		}
	}

	/** What the index found for one page. */
	private record Found(List<Long> ids, long total, boolean capped, int number, boolean hasPrevious,
			boolean hasNext) {
	}

	/**
	 * Best match first. Relevance has no value to seek from that stays put, so a page after (or before) a ticket is
	 * found by ranking down to that ticket: the page number says about how deep it is, and at most
	 * {@link #MAX_RANKED} results are ranked. Null when the ticket is no longer among them (start at the top); an
	 * empty page when it is ranked deeper than that (the end).
	 */
	private Found ranked(IndexSearcher searcher, Query query, TicketPage.Position position, Account reader, int size)
			throws IOException {
		Long cursor = position.after() != null ? position.after() : position.before();
		boolean backwards = position.after() == null && position.before() != null;
		if (cursor == null) {
			TopFieldDocs docs = rank(searcher, query, size + 1);
			List<Long> ids = ids(docs.scoreDocs);
			return found(ids.subList(0, Math.min(size, ids.size())), docs.totalHits, 1, false, ids.size() > size);
		}
		int hint = (int) Math.min(MAX_RANKED, (long) (Math.max(position.number(), 1) + 1) * size + 1);
		TopFieldDocs docs = rank(searcher, query, hint);
		int at = ids(docs.scoreDocs).indexOf(cursor);
		if (at < 0 && docs.scoreDocs.length == hint && hint < MAX_RANKED) {
			docs = rank(searcher, query, MAX_RANKED);
			at = ids(docs.scoreDocs).indexOf(cursor);
		}
		if (at < 0) {
			boolean deeper = docs.scoreDocs.length == MAX_RANKED
					&& cursor(searcher, cursor, reader, SearchSorts.of(TicketSort.ID, false, null)) != null;
			return deeper ? found(List.of(), docs.totalHits, position.number(), false, false) : null;
		}
		List<Long> ranked = ids(docs.scoreDocs);
		if (backwards) {
			int from = Math.max(0, at - size);
			return at == 0 ? null : found(ranked.subList(from, at), docs.totalHits, from > 0 ? position.number() : 1,
					from > 0, true);
		}
		int to = Math.min(at + 1 + size, ranked.size());
		List<Long> ids = ranked.subList(at + 1, to);
		boolean more = ranked.size() > to && to < MAX_RANKED;
		return ids.isEmpty() ? null : found(ids, docs.totalHits, position.number(), true, more);
	}

	private static TopFieldDocs rank(IndexSearcher searcher, Query query, int n) throws IOException {
		Sort sort = SearchSorts.of(TicketSort.RELEVANCE, false, null);
		return searcher.search(query, new TopFieldCollectorManager(sort, n, null, (int) TicketSearch.COUNT_LIMIT + 1));
	}

	/**
	 * In column order, seeking from the ticket the position names, as the SQL list does. Null when that ticket is
	 * gone or the page after it is empty (start at the top).
	 */
	private Found sorted(IndexSearcher searcher, Query query, TicketQuery list, TicketPage.Position position,
			Account reader, int size) throws IOException {
		Long cursor = position.after() != null ? position.after() : position.before();
		boolean backwards = position.after() == null && position.before() != null;
		Sort sort = SearchSorts.of(list.sort(), list.descending() != backwards, names.ranks());
		FieldDoc after = null;
		if (cursor != null) {
			after = cursor(searcher, cursor, reader, sort);
			if (after == null) {
				return null;
			}
		}
		TopFieldDocs docs = searcher.search(query,
				new TopFieldCollectorManager(sort, size + 1, after, (int) TicketSearch.COUNT_LIMIT + 1));
		List<Long> ids = new ArrayList<>(ids(docs.scoreDocs));
		boolean more = ids.size() > size;
		if (more) {
			ids.remove(size);
		}
		if (after == null) {
			return found(ids, docs.totalHits, 1, false, more);
		}
		if (ids.isEmpty()) {
			return null;
		}
		if (backwards) {
			Collections.reverse(ids);
			return found(ids, docs.totalHits, more ? position.number() : 1, more, true);
		}
		return found(ids, docs.totalHits, position.number(), true, more);
	}

	/** The sort values of the ticket a page continues from, if it is in the index and the reader may see it. */
	private static FieldDoc cursor(IndexSearcher searcher, long ticketId, Account reader, Sort sort)
			throws IOException {
		Query ticket = new BooleanQuery.Builder().add(new TermQuery(SearchFields.key(ticketId)), Occur.FILTER)
			.add(SearchFilters.visibleTo(reader), Occur.FILTER)
			.build();
		TopFieldDocs docs = searcher.search(ticket, new TopFieldCollectorManager(sort, 1, null, 1));
		return docs.scoreDocs.length == 0 ? null : (FieldDoc) docs.scoreDocs[0];
	}

	/** Every sort ends with the ticket id (see {@link SearchSorts}). */
	private static List<Long> ids(ScoreDoc[] docs) {
		return Arrays.stream(docs).map(d -> (FieldDoc) d).map(d -> (Long) d.fields[d.fields.length - 1]).toList();
	}

	private static Found found(List<Long> ids, TotalHits hits, int number, boolean hasPrevious, boolean hasNext) {
		return new Found(ids, Math.min(hits.value, TicketSearch.COUNT_LIMIT), hits.value > TicketSearch.COUNT_LIMIT,
				number, hasPrevious, hasNext);
	}

	/** A corrected search, offered only when it finds tickets the reader may see with the same filters. */
	private static String suggestion(IndexSearcher searcher, String keyword, SearchSyntax.Parsed parsed,
			SearchQueries queries, Query filters) throws IOException {
		String corrected = new SpellingSuggestion().suggest(keyword, parsed, searcher.getIndexReader());
		if (corrected == null) {
			return null;
		}
		Query query = queries.build(SearchSyntax.parse(corrected));
		return query != null && searcher.count(both(query, filters)) > 0 ? corrected : null;
	}

	private static Query both(Query text, Query filters) {
		return new BooleanQuery.Builder().add(text, Occur.MUST).add(filters, Occur.FILTER).build();
	}

	private static TicketPage page(List<TicketRow> rows, Found found, int size, SearchNotes notes) {
		Long next = found.hasNext() && !rows.isEmpty() ? rows.get(rows.size() - 1).id() : null;
		Long previous = found.hasPrevious() && !rows.isEmpty() ? rows.get(0).id() : null;
		return new TicketPage(List.copyOf(rows), found.total(), found.capped(),
				previous == null ? 1 : Math.max(found.number(), 2), size, next, previous, notes);
	}

	private static TicketPage empty(int size, SearchNotes notes) {
		return new TicketPage(List.of(), 0, false, 1, size, null, null, notes);
	}
}
