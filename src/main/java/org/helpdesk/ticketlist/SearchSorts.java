package org.helpdesk.ticketlist;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LongValues;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;

/**
 * The list's sort orders in Lucene, each ending with the ticket id so that no two tickets tie (the id is also how a
 * hit is turned back into a ticket). As in SQL, a ticket without an owner or a due date sorts as if its value were
 * the highest. Queues and owners sort by name, which the index does not hold: their ids are mapped to their rank in
 * name order when the search runs.
 */
final class SearchSorts {

	/** The rank of each queue and each owner by name (ignoring case); asked only when a sort needs them. */
	record Ranks(Supplier<Map<Long, Long>> queues, Supplier<Map<Long, Long>> owners) {
	}

	private SearchSorts() {
	}

	static Sort of(TicketSort sort, boolean descending, Ranks ranks) {
		SortField id = number(SearchFields.ID, descending);
		return switch (sort) {
			case RELEVANCE -> new Sort(SortField.FIELD_SCORE, number(SearchFields.CREATED, true),
					number(SearchFields.ID, true));
			case ID -> new Sort(id);
			case TITLE -> new Sort(new SortField(SearchFields.TITLE_SORT, SortField.Type.STRING, descending), id);
			case QUEUE -> new Sort(new Rank(SearchFields.QUEUE, ranks.queues().get()).getSortField(descending), id);
			case STATUS -> new Sort(number(SearchFields.STATUS_ORDER, descending), id);
			case PRIORITY -> new Sort(number(SearchFields.PRIORITY, descending), id);
			case OWNER -> new Sort(new Rank(SearchFields.OWNER, ranks.owners().get()).getSortField(descending), id);
			case CREATED -> new Sort(number(SearchFields.CREATED, descending), id);
			case MODIFIED -> new Sort(number(SearchFields.MODIFIED, descending), id);
			case DUE -> new Sort(number(SearchFields.DUE, descending), id);
		};
	}

	private static SortField number(String field, boolean descending) {
		SortField sort = LongField.newSortField(field, descending, SortedNumericSelector.Type.MIN);
		sort.setMissingValue(Long.MAX_VALUE);
		return sort;
	}

	/** A numeric field's value mapped to its rank; a value without a rank (no owner) ranks last. */
	private static final class Rank extends LongValuesSource {

		private final String field;

		private final Map<Long, Long> ranks;

		Rank(String field, Map<Long, Long> ranks) {
			this.field = field;
			this.ranks = ranks;
		}

		@Override
		public LongValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
			SortedNumericDocValues values = DocValues.getSortedNumeric(context.reader(), field);
			return new LongValues() {

				private long current;

				@Override
				public long longValue() {
					return current;
				}

				@Override
				public boolean advanceExact(int doc) throws IOException {
					current = values.advanceExact(doc) ? ranks.getOrDefault(values.nextValue(), Long.MAX_VALUE)
							: Long.MAX_VALUE;
					return true;
				}
			};
		}

		@Override
		public boolean needsScores() {
			return false;
		}

		@Override
		public LongValuesSource rewrite(IndexSearcher searcher) {
			return this;
		}

		@Override
		public boolean isCacheable(LeafReaderContext context) {
			return false;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Rank rank && rank.field.equals(field) && rank.ranks.equals(ranks);
		}

		@Override
		public int hashCode() {
			return field.hashCode() * 31 + ranks.hashCode();
		}

		@Override
		public String toString() {
			return "rank(" + field + ")";
		}
	}
}
