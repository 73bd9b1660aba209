package org.helpdesk.ticketlist;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticketlist.SearchAnalysis.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches as people type them, against a real index of a few tickets (without the web and the database around it).
 */
class SearchQueriesTest {

	@TempDir
	Path folder;

	private IndexGeneration index;

	private IndexSearcher searcher;

	@BeforeEach
	void tickets() throws Exception {
		index = IndexGeneration.create(folder.resolve("index-1"), 0, 16);
		index.add(List.of(
				ticket(1, "Printer broken", "The printer on the third floor is out of toner.", "alice@example.com"),
				ticket(2, "Scanner", "The scanner on floor 2 prints nothing", "bob@shop.example"),
				ticket(3, "Drucker defekt", "Die Drucker im dritten Stock drucken nicht.", "carl@example.de"),
				ticket(4, "Flux capacitor", "Replaced the flux-capacitor; 100% done", null),
				ticket(5, "Wifi down", "The access point in room 42 reboots", null),
				new IndexedTicket(6, 1, "Laser printers", "They jam", List.of(), null, null, TicketStatus.OPEN, 3,
						Instant.EPOCH, Instant.EPOCH, null, EnumSet.of(Language.ENGLISH))));
		index.refresh();
		searcher = index.searchers().acquire();
	}

	@AfterEach
	void close() throws Exception {
		index.searchers().release(searcher);
		index.close();
	}

	@Test
	void pluralsNumbersAndOrdinalsFindTheSameTicket() throws Exception {
		assertThat(find("printers floor 3")).containsExactly(1L);
		assertThat(find("PRINTER Third")).containsExactly(1L);
	}

	@Test
	void aTicketOfAnEnglishQueueIsStemmedOnlyTheEnglishWay() throws Exception {
		// German stemming would make "printers" "print"
		assertThat(find("print")).doesNotContain(6L);
		assertThat(find("printer jams")).containsExactly(6L);
	}

	@Test
	void germanWordsAreStemmedForGermanReaders() throws Exception {
		assertThat(find("Druckers dritte", Language.GERMAN)).containsExactly(3L);
		assertThat(find("drucker stock 3", Language.ENGLISH)).containsExactly(3L);
	}

	@Test
	void everyWordMustMatchUnlessJoinedByOr() throws Exception {
		assertThat(find("scanner toner")).isEmpty();
		assertThat(find("scanner OR toner")).containsExactlyInAnyOrder(1L, 2L);
		assertThat(find("floor -toner")).containsExactly(2L);
		assertThat(find("-floor")).containsExactlyInAnyOrder(3L, 4L, 5L, 6L);
	}

	@Test
	void phrasesPrefixesAndHyphenatedWordsMatchAsTyped() throws Exception {
		assertThat(find("\"third floor\"")).containsExactly(1L);
		assertThat(find("\"floor third\"")).isEmpty();
		assertThat(find("print*")).containsExactlyInAnyOrder(1L, 2L, 6L);
		assertThat(find("flux-capacitor")).containsExactly(4L);
		assertThat(find("capacitor-toner")).isEmpty();
	}

	@Test
	void fieldsLookOnlyWhereTheyAreTold() throws Exception {
		assertThat(find("title:printer")).containsExactlyInAnyOrder(1L, 6L);
		assertThat(find("title:toner")).isEmpty();
		assertThat(find("from:bob@shop.example")).containsExactly(2L);
		assertThat(find("from:example.com")).containsExactly(1L);
		assertThat(find("from:car*")).containsExactly(3L);
		assertThat(find("status:open")).hasSize(6);
		assertThat(find("status:nonsense printer")).isEmpty();
		assertThat(find("queue:anything")).isEmpty();
	}

	@Test
	void aReferenceFindsItsTicketFirst() throws Exception {
		assertThat(find("#3")).containsExactly(3L);
		// 2 is also the second of something, but the ticket the reference names comes first
		assertThat(find("it-2")).startsWith(2L);
		// 42 is ticket 42 (not in this index) or the text "42"
		assertThat(find("42")).containsExactly(5L);
	}

	@Test
	void stopWordsNeedNotMatch() throws Exception {
		assertThat(find("the printer in the building")).isEmpty();
		assertThat(find("the printer")).startsWith(1L);
	}

	@Test
	void hostileInputIsSearchedAsPlainWordsOrNothing() throws Exception {
		for (String hostile : List.of("\"unbalanced", "-", "*", "field:[a TO b]", "printer~2", "printer^10", "((",
				"\\", "title:", "OR", "-\"*\"+!()&&||:".repeat(14), "' or 1=1 --", "<script>alert(1)</script>",
				"%_%", "\u0000")) {
			SearchSyntax.Parsed parsed = SearchSyntax.parse(hostile);
			Query query = queries(Language.ENGLISH).build(parsed);
			if (query != null) {
				searcher.search(query, 10);
			}
		}
		assertThat(find("printer~ toner^")).containsExactly(1L);
		assertThat(queries(Language.ENGLISH).build(SearchSyntax.parse("* - ()"))).isNull();
	}

	@Test
	void aSnippetMarksTheMatchingWordsAndEscapesEverythingElse() {
		Snippets snippets = new Snippets(null);
		Query query = queries(Language.ENGLISH).build(SearchSyntax.parse("printers"));

		String snippet = snippets.highlight("Hello <script>alert('x')</script> the printer & the copier",
				query, Language.ENGLISH);

		assertThat(snippet).contains("<mark>printer</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
		assertThat(snippets.highlight("nothing to see", query, Language.ENGLISH)).isNull();
	}

	@Test
	void aMisspelledWordGetsTheClosestKnownOne() throws Exception {
		SpellingSuggestion spelling = new SpellingSuggestion();

		assertThat(spelling.suggest("Printr floor", SearchSyntax.parse("Printr floor"), searcher.getIndexReader()))
			.isEqualTo("printer floor");
		assertThat(spelling.suggest("printer", SearchSyntax.parse("printer"), searcher.getIndexReader())).isNull();
	}

	private List<Long> find(String search) throws Exception {
		return find(search, Language.ENGLISH);
	}

	private List<Long> find(String search, Language language) throws Exception {
		Query query = queries(language).build(SearchSyntax.parse(search));
		if (query == null) {
			return List.of();
		}
		Sort sort = SearchSorts.of(TicketSort.RELEVANCE, false, null);
		return Arrays.stream(searcher.search(query, 100, sort).scoreDocs)
			.map(d -> (Long) ((org.apache.lucene.search.FieldDoc) d).fields[2])
			.toList();
	}

	private static SearchQueries queries(Language language) {
		return new SearchQueries(language, new SearchQueries.Names() {

			@Override
			public Set<Long> queues(String name, boolean prefix) {
				return Set.of();
			}

			@Override
			public Set<Long> owners(String name, boolean prefix) {
				return Set.of();
			}
		});
	}

	private static IndexedTicket ticket(long id, String title, String description, String from) {
		Instant created = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id);
		return new IndexedTicket(id, 1, title, description, List.of(), from, null, TicketStatus.OPEN, 3, created,
				created, null, EnumSet.allOf(Language.class));
	}
}
