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
 * sorts and pages the matching tickets, and the page's rows are then read from the database as for any list. Sorted
 * by a column, pages seek from a ticket as the SQL list does ({@link TicketSeek}); ranked by relevance, a page is
 * found by its number (relevance has no value to seek from that stays put), up to {@link #MAX_RANKED} results deep.
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
					? ranked(searcher.searcher(), both(text, filters), position, size)
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

	/** Best match first: the page by its number. Null when that page is beyond the end (start at the top). */
	private Found ranked(IndexSearcher searcher, Query query, TicketPage.Position position, int size)
			throws IOException {
		boolean paging = position.after() != null || position.before() != null;
		int number = paging ? position.number() : 1;
		long offset = (long) (number - 1) * size;
		if (offset + size > MAX_RANKED) {
			return null;
		}
		Sort sort = SearchSorts.of(TicketSort.RELEVANCE, false, null);
		TopFieldDocs docs = searcher.search(query,
				new TopFieldCollectorManager(sort, (int) offset + size + 1, null, (int) TicketSearch.COUNT_LIMIT + 1));
		if (number > 1 && docs.scoreDocs.length <= offset) {
			return null;
		}
		ScoreDoc[] page = Arrays.copyOfRange(docs.scoreDocs, (int) Math.min(offset, docs.scoreDocs.length),
				(int) Math.min(offset + size, docs.scoreDocs.length));
		boolean more = docs.scoreDocs.length > offset + size && offset + 2L * size <= MAX_RANKED;
		return found(ids(page), docs.totalHits, number, number > 1, more);
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
