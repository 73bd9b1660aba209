package org.helpdesk.ticketlist;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.helpdesk.account.Account;
import org.helpdesk.ticket.TicketStatus;

/**
 * The ticket list's filters and the reader's queues as Lucene filter clauses, the same conditions
 * {@link TicketListSql} writes in SQL. They are applied inside the search, before ranking and paging, so a page
 * never holds a ticket the reader may not see and never comes up short because one was removed after paging.
 */
final class SearchFilters {

	private SearchFilters() {
	}

	/** Every condition of the query except its keyword, for this reader, in this time zone. */
	static Query of(TicketQuery query, Account reader, ZoneId zone) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		all.add(new MatchAllDocsQuery(), Occur.FILTER);
		all.add(visibleTo(reader), Occur.FILTER);
		if (!query.queues().isEmpty()) {
			all.add(SearchQueries.oneOf(SearchFields.QUEUE, query.queues()), Occur.FILTER);
		}
		if (query.statuses().size() < TicketStatus.values().length) {
			all.add(new TermInSetQuery(SearchFields.STATUS,
					query.statuses().stream().map(s -> new BytesRef(s.code())).toList()), Occur.FILTER);
		}
		if (!query.priorities().isEmpty()) {
			Set<Long> priorities = query.priorities().stream().map(Integer::longValue).collect(Collectors.toSet());
			all.add(SearchQueries.oneOf(SearchFields.PRIORITY, priorities), Occur.FILTER);
		}
		owner(query.owner(), reader, all);
		if (query.submitter() != null) {
			// the whole address only (see SearchFields.FROM): no reindexing, the index has always held it
			all.add(new TermQuery(new Term(SearchFields.FROM, query.submitter())), Occur.FILTER);
		}
		range(SearchFields.CREATED, query.createdFrom(), query.createdTo(), zone, all);
		range(SearchFields.MODIFIED, query.modifiedFrom(), query.modifiedTo(), zone, all);
		range(SearchFields.DUE, query.dueFrom(), query.dueTo(), zone, all);
		return all.build();
	}

	/** The tickets of the queues the reader may use: none for anyone but staff. */
	static Query visibleTo(Account reader) {
		if (reader == null || !reader.isStaff()) {
			return new MatchNoDocsQuery("not staff");
		}
		if (reader.usesEveryQueue()) {
			return new MatchAllDocsQuery();
		}
		return SearchQueries.oneOf(SearchFields.QUEUE, reader.queueIds());
	}

	private static void owner(OwnerFilter owner, Account reader, BooleanQuery.Builder all) {
		switch (owner.kind()) {
			case ME -> all.add(LongField.newExactQuery(SearchFields.OWNER, reader == null ? -1L : reader.id()),
					Occur.FILTER);
			case PERSON -> all.add(LongField.newExactQuery(SearchFields.OWNER, owner.personId()), Occur.FILTER);
			case UNASSIGNED -> all.add(new FieldExistsQuery(SearchFields.OWNER), Occur.MUST_NOT);
			case ANYONE -> {
			}
		}
	}

	/** Both days included, in the reader's time zone, as the SQL list counts them. */
	private static void range(String field, LocalDate from, LocalDate to, ZoneId zone, BooleanQuery.Builder all) {
		if (from == null && to == null) {
			return;
		}
		long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay(zone).toInstant().toEpochMilli();
		long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
		all.add(LongField.newRangeQuery(field, lower, upper), Occur.FILTER);
	}
}
