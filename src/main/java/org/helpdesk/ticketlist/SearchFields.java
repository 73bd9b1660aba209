package org.helpdesk.ticketlist;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The fields of a ticket's search document. Numbers and times are points (for filters) with doc values (for
 * sorting); the text is in a neutral field and the stemmed fields of the ticket's languages (see
 * {@link SearchAnalysis}, {@link IndexedTicket}); nothing is stored, since
 * the page reads what it shows from the database and the snippets are made from the text read there too.
 */
final class SearchFields {

	/**
	 * The version of this layout. An index written with another one is rebuilt; raise it whenever a field or an
	 * analyser changes.
	 */
	static final String SCHEMA = "1";

	/** The ticket id as a term, the key that updates and deletes find the document by. */
	static final String KEY = "key";

	static final String ID = "id";

	static final String QUEUE = "queue";

	static final String STATUS = "status";

	static final String STATUS_ORDER = "status_order";

	static final String PRIORITY = "priority";

	static final String OWNER = "owner";

	static final String CREATED = "created";

	static final String MODIFIED = "modified";

	static final String DUE = "due";

	static final String TITLE_SORT = "title_sort";

	/**
	 * The submitter's address, its local part and its domain, in lower case: {@code from:} finds any of them, the
	 * list's submitter filter only the whole address (a part has no {@code @}, so it never equals one).
	 */
	static final String FROM = "from";

	static final String TITLE = "title";

	static final String TEXT = "text";

	/** Longer sort keys are cut: titles are at most 200 characters anyway. */
	private static final int SORT_KEY_LENGTH = 200;

	private SearchFields() {
	}

	static Term key(long ticketId) {
		return new Term(KEY, Long.toString(ticketId));
	}

	static Document document(IndexedTicket ticket) {
		Document doc = new Document();
		doc.add(new StringField(KEY, Long.toString(ticket.id()), Field.Store.NO));
		doc.add(new LongField(ID, ticket.id(), Field.Store.NO));
		doc.add(new LongField(QUEUE, ticket.queueId(), Field.Store.NO));
		doc.add(new StringField(STATUS, ticket.status().code(), Field.Store.NO));
		// the workflow order, as the list sorts statuses (see TicketSort)
		doc.add(new LongField(STATUS_ORDER, ticket.status().ordinal() + 1, Field.Store.NO));
		doc.add(new LongField(PRIORITY, ticket.priority(), Field.Store.NO));
		if (ticket.ownerId() != null) {
			doc.add(new LongField(OWNER, ticket.ownerId(), Field.Store.NO));
		}
		doc.add(new LongField(CREATED, ticket.created().toEpochMilli(), Field.Store.NO));
		doc.add(new LongField(MODIFIED, ticket.modified().toEpochMilli(), Field.Store.NO));
		if (ticket.due() != null) {
			doc.add(new LongField(DUE, ticket.due().toEpochMilli(), Field.Store.NO));
		}
		doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(sortKey(ticket.title()))));
		addresses(ticket.submitterEmail()).forEach(a -> doc.add(new StringField(FROM, a, Field.Store.NO)));
		doc.add(new TextField(TITLE, ticket.title(), Field.Store.NO));
		String text = ticket.text();
		doc.add(new TextField(TEXT, text, Field.Store.NO));
		for (SearchAnalysis.Language language : ticket.languages()) {
			doc.add(new TextField(language.field(TITLE), ticket.title(), Field.Store.NO));
			doc.add(new TextField(language.field(TEXT), text, Field.Store.NO));
		}
		return doc;
	}

	/** The neutral field and its stemmed variants. */
	static Set<String> textFields(String base) {
		Set<String> fields = new LinkedHashSet<>();
		fields.add(base);
		for (SearchAnalysis.Language language : SearchAnalysis.Language.values()) {
			fields.add(language.field(base));
		}
		return fields;
	}

	/** As the list sorts titles: ignoring case. */
	static String sortKey(String title) {
		String lower = title.toLowerCase(Locale.ROOT);
		return lower.length() > SORT_KEY_LENGTH ? lower.substring(0, SORT_KEY_LENGTH) : lower;
	}

	/** {@code Bob@Example.COM} is found as {@code bob@example.com}, {@code bob} and {@code example.com}. */
	static Set<String> addresses(String email) {
		Set<String> forms = new LinkedHashSet<>();
		if (email == null || email.isBlank()) {
			return forms;
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		forms.add(address);
		int at = address.lastIndexOf('@');
		if (at > 0 && at < address.length() - 1) {
			forms.add(address.substring(0, at));
			forms.add(address.substring(at + 1));
		}
		return forms;
	}
}
