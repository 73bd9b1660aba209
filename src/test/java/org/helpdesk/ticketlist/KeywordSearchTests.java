package org.helpdesk.ticketlist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.account.AccountManagement;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.helpdesk.ticket.TicketRelations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keyword search in the ticket list as agents type it, over real HTTP: what it finds, in which order, what it shows
 * under each ticket, and what it never shows.
 */
abstract class KeywordSearchTests extends FullStackTest {

	private static final Pattern ROW = Pattern.compile("<tr[^>]*class=\"ticket-row\"[^>]*data-ticket-id=\"(\\d+)\"");

	private static final String PASSWORD = "agent-password-1";

	/** A change is searchable within a second; the tests allow more for a busy machine. */
	private static final Duration INDEXED = Duration.ofSeconds(10);

	@Autowired
	private TicketRelations relations;

	@Autowired
	private AccountManagement accounts;

	private long queueA;

	private String slugA;

	private long queueB;

	@BeforeEach
	void queues() {
		slugA = unique("hw");
		queueA = client.createQueue(Map.of("title", "Hardware " + slugA, "slug", slugA));
		queueB = client.createQueue(unique("qb"));
	}

	@Test
	void printersFloor3FindsThePrinterOnTheThirdFloorAndShowsWhy() {
		long printer = ticket(queueA, "Printing broken", "The printer on the third floor jams every morning.");
		long secondFloor = ticket(queueA, "Printer on floor 2", "The printer on the second floor is fine.");
		long coffee = ticket(queueA, "Coffee", "The machine on the third floor is empty.");
		BrowserlessSession agent = agent(List.of());
		searchUntilFound(agent, "floor", printer, secondFloor, coffee);

		Page found = searchUntilFound(agent, "printers floor 3", printer);

		assertThat(rows(found)).containsExactly(printer);
		assertThat(snippet(found, printer)).contains("<mark>printer</mark>").contains("<mark>third</mark>")
			.contains("<mark>floor</mark>");
		assertThat(found.body()).contains("Tickets 1 to 1 of 1");
	}

	@Test
	void phrasesOrExclusionsAndPrefixesWorkAsTyped() {
		long vpn = ticket(queueA, "VPN drops", "The VPN client drops the connection after lunch.");
		long wifi = ticket(queueA, "Wifi slow", "The wifi is slow after lunch, the connection drops.");
		long both = ticket(queueA, "Laptop", "Neither VPN nor wifi work; the connection is gone.");
		BrowserlessSession agent = agent(List.of());
		searchUntilFound(agent, "connection", vpn, wifi, both);

		assertThat(search(agent, "\"connection drops\"")).containsExactly(wifi);
		assertThat(search(agent, "\"drops the connection\"")).containsExactly(vpn);
		assertThat(search(agent, "vpn OR wifi")).containsExactlyInAnyOrder(vpn, wifi, both);
		assertThat(search(agent, "vpn wifi")).containsExactly(both);
		assertThat(search(agent, "connection -lunch")).containsExactly(both);
		assertThat(search(agent, "conn*")).containsExactlyInAnyOrder(vpn, wifi, both);
	}

	@Test
	void fieldPrefixesLookInOneFieldAndReferencesFindTheirTicket() {
		String ownerName = unique("owner");
		long owner = client.createUser(ownerName, PASSWORD, "agent", null, List.of());
		long fromBob = ticket(queueA, "Toner empty", "Please send toner", Map.of("submitter_email", "bob@shop.example",
				"assigned_to", String.valueOf(owner)));
		long aboutToner = ticket(queueA, "Paper jam", "Toner everywhere");
		long elsewhere = ticket(queueB, "Toner in queue B", "Toner");
		BrowserlessSession agent = agent(List.of());
		searchUntilFound(agent, "toner", fromBob, aboutToner, elsewhere);

		assertThat(search(agent, "title:toner")).containsExactlyInAnyOrder(fromBob, elsewhere);
		assertThat(search(agent, "from:bob@shop.example")).containsExactly(fromBob);
		assertThat(search(agent, "from:shop.example toner")).containsExactly(fromBob);
		assertThat(search(agent, "queue:" + slugA + " toner")).containsExactlyInAnyOrder(fromBob, aboutToner);
		assertThat(search(agent, "queue:hardware toner")).containsExactlyInAnyOrder(fromBob, aboutToner);
		assertThat(search(agent, "owner:" + ownerName)).containsExactly(fromBob);
		assertThat(search(agent, "status:open toner")).containsExactlyInAnyOrder(fromBob, aboutToner, elsewhere);
		assertThat(search(agent, "#" + aboutToner)).containsExactly(aboutToner);
		assertThat(search(agent, slugA + "-" + aboutToner)).startsWith(aboutToner);
		assertThat(search(agent, String.valueOf(elsewhere))).startsWith(elsewhere);
	}

	@Test
	void germanWordsAreFoundByTheirOtherForms() {
		long drucker = ticket(queueA, "Drucker defekt", "Die Drucker im dritten Stock drucken nicht mehr.");
		BrowserlessSession agent = agent(List.of());
		agent.get("/account/settings");
		agent.post("/account/settings", Map.of("language", "de", "timeZone", "UTC"));

		assertThat(searchUntilFound(agent, "Druckers Stock 3", drucker).body()).contains("Tickets 1 bis 1 von 1");
		assertThat(snippet(agent.get("/tickets?q=druckers"), drucker)).contains("<mark>Drucker</mark>");
	}

	@Test
	void aSnippetEscapesTheTextAndMarksOnlyTheMatches() {
		long ticket = ticket(queueA, "Strange comment", "Nothing here");
		client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(ticket), "message", "Saw <script>alert('x')</script> near the zebracorn & <b>it</b>"));
		BrowserlessSession agent = agent(List.of());

		Page found = searchUntilFound(agent, "zebracorn", ticket);

		String snippet = snippet(found, ticket);
		assertThat(snippet).contains("<mark>zebracorn</mark>").contains("&lt;script&gt;").contains("&amp;")
			.doesNotContain("<script>").doesNotContain("<b>");
		assertThat(found.body()).doesNotContain("<script>alert");
	}

	@Test
	void aMisspelledSearchSuggestsAWordTheReaderCanFind() {
		long visible = ticket(queueA, "Keyboard broken", "The keyboard lost its keys");
		long confidential = ticket(queueB, "Quarterly confidential", "The mergerplan for next year");
		searchUntilFound(BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD), "mergerplan", confidential);
		BrowserlessSession agent = agent(List.of(queueA));
		searchUntilFound(agent, "keyboard", visible);

		Page misspelled = agent.get("/tickets?q=keybaord");
		assertThat(rows(misspelled)).isEmpty();
		assertThat(misspelled.body()).contains("id=\"did-you-mean\"").contains("q=keyboard");
		assertThat(rows(agent.get(link(misspelled, "did-you-mean")))).containsExactly(visible);
		// a word only a queue the agent may not use holds is never suggested
		assertThat(agent.get("/tickets?q=mergerplam").body()).doesNotContain("did-you-mean").doesNotContain("mergerplan");
	}

	@Test
	void anAgentOfOneQueueNeverSeesAnotherQueuesTicketsEvenWhenTheyRankHigher() {
		List<Long> hidden = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			hidden.add(ticket(queueB, "Zebra zebra zebra " + i, "zebra zebra zebra zebra"));
		}
		long mine = ticket(queueA, "Animals", "A zebra was seen, and a lot of other animals in the long grass");
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		searchUntilFound(admin, "zebra", hidden.get(29), mine);
		BrowserlessSession agent = agent(List.of(queueA));

		Page found = agent.get("/tickets?q=zebra&size=25");

		assertThat(rows(found)).containsExactly(mine);
		assertThat(found.body()).contains("Tickets 1 to 1 of 1").doesNotContain("Zebra zebra");
		assertThat(rows(agent.get("/tickets?q=zebra&queue=" + queueB))).isEmpty();
		assertThat(rows(admin.get("/tickets?q=zebra&size=25")).get(0)).isNotEqualTo(mine);
	}

	@Test
	void aSearchCombinesWithTheListFiltersAndPagesWithoutGapsInEveryOrder() {
		List<Long> all = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			all.add(ticket(queueA, "Walrus " + (i % 4), "walrus number " + i, Map.of("priority", String.valueOf(1 + i % 5))));
		}
		long resolved = all.remove(0);
		client.legacy("resolve", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket", String.valueOf(resolved),
				"resolution", "Fixed"));
		BrowserlessSession agent = agent(List.of());
		// the list's status filter (open and reopened unless chosen otherwise) applies to a search too
		await().atMost(INDEXED).untilAsserted(() -> assertThat(
				rows(agent.get("/tickets?q=walrus+status%3Aresolved&status=resolved&status=open"))).containsExactly(resolved));

		assertThat(search(agent, "walrus")).hasSize(29).doesNotContain(resolved);
		assertThat(search(agent, "walrus status:resolved")).isEmpty();
		assertThat(rows(agent.get("/tickets?q=walrus&priority=1&size=100"))).hasSize(5);
		for (String sort : List.of("relevance", "title", "-priority", "queue", "owner", "-created", "status", "due")) {
			Page first = agent.get("/tickets?q=walrus&size=25&queue=" + queueA + "&sort=" + sort);
			Page second = agent.get(link(first, "next-page"));
			List<Long> both = new ArrayList<>(rows(first));
			assertThat(rows(second)).as(sort).hasSize(4).doesNotContainAnyElementsOf(both);
			both.addAll(rows(second));
			assertThat(both).as(sort).containsExactlyInAnyOrderElementsOf(all);
			assertThat(second.body()).as(sort).contains("Tickets 26 to 29 of 29");
			assertThat(rows(agent.get(link(second, "previous-page")))).as(sort).containsExactlyElementsOf(rows(first));
		}
		// the JSON API pages a search (best match first) by cursor, every ticket once
		List<Long> listed = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 5; page++) {
			var json = client.admin("GET", "/api/v1/tickets?q=walrus&status=open&limit=10&queue=" + queueA
					+ (cursor == null ? "" : "&cursor=" + cursor), null).json();
			json.get("tickets").forEach(t -> listed.add(t.get("id").asLong()));
			cursor = json.get("next_cursor") == null || json.get("next_cursor").isNull() ? null
					: json.get("next_cursor").asString();
			if (cursor == null) {
				break;
			}
		}
		assertThat(listed).containsExactlyInAnyOrderElementsOf(all);
	}

	@Test
	void deletedTicketsDisappearAndMergedOnesMoveTheirTextToTheTarget() {
		long doomed = ticket(queueA, "Narwhal spam", "narwhal");
		long target = ticket(queueA, "Keep this", "The original");
		long duplicate = ticket(queueA, "Same as the other", "A narwhal-shaped platypus problem");
		BrowserlessSession agent = agent(List.of());
		searchUntilFound(agent, "narwhal", doomed, duplicate);

		client.legacy("delete_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(doomed), "confirm", "yes"));
		relations.merge(duplicate, target, accounts.findActiveByUsername(ADMIN).orElseThrow());

		await().atMost(INDEXED).untilAsserted(() -> {
			assertThat(search(agent, "narwhal")).containsExactly(target);
			assertThat(search(agent, "platypus")).containsExactly(target);
		});
	}

	@Test
	void hostileSearchesGiveANormalPage() {
		long ticket = ticket(queueA, "Plain ticket", "plain words only");
		BrowserlessSession agent = agent(List.of());
		searchUntilFound(agent, "plain", ticket);

		for (String hostile : List.of("\"unbalanced", "-", "*", "field:[a TO b]", "plain~2", "plain^10", "((", "\\",
				"title:", "OR", "-\"*\"+!()&&||:".repeat(14), "' or 1=1 --", "<script>alert(1)</script>", "%",
				"status:nonsense", "queue:", "owner:*", "#99999999999999999", "from:*")) {
			Page page = agent.get("/tickets?q=" + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(page.status()).as(hostile).isEqualTo(200);
			assertThat(page.body()).as(hostile).contains("id=\"ticket-table\"").doesNotContain("<script>alert");
		}
		assertThat(search(agent, "\"plain")).containsExactly(ticket);
	}

	/**
	 * Waits until the search finds every ticket named: the index follows each commit on its own, so a ticket found
	 * says nothing about one created just before or after it.
	 */
	private Page searchUntilFound(BrowserlessSession session, String search, Long... tickets) {
		String path = "/tickets?size=100&q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
		await().atMost(INDEXED).untilAsserted(() -> assertThat(rows(session.get(path))).contains(tickets));
		return session.get(path);
	}

	private static List<Long> search(BrowserlessSession session, String search) {
		return rows(session.get("/tickets?size=100&q="
				+ java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8)));
	}

	private long ticket(long queue, String title, String body) {
		return ticket(queue, title, body, Map.of());
	}

	private long ticket(long queue, String title, String body, Map<String, String> extra) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", title, "body", body));
		fields.putAll(extra);
		Response response = client.legacy("create_ticket", fields);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body().trim());
	}

	private BrowserlessSession agent(List<Long> queues) {
		String username = unique("agent");
		client.createUser(username, PASSWORD, "agent", null, queues);
		return BrowserlessSession.signedIn(client.base(), username, PASSWORD);
	}

	static List<Long> rows(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		Matcher m = ROW.matcher(page.body());
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	/** The snippet under a ticket's row, as HTML. */
	private static String snippet(Page page, long ticket) {
		String body = page.body();
		int row = body.indexOf("data-ticket-id=\"" + ticket + "\"");
		assertThat(row).as("row of " + ticket).isPositive();
		Matcher m = Pattern.compile("class=\"search-snippet[^\"]*\">(.*?)</div>", Pattern.DOTALL).matcher(body);
		assertThat(m.find(row)).as("snippet of " + ticket).isTrue();
		return m.group(1);
	}

	private static String link(Page page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"", Pattern.DOTALL).matcher(page.body());
		if (!m.find()) {
			// the link may be inside the element with the id
			m = Pattern.compile("id=\"" + id + "\".*?href=\"([^\"]+)\"", Pattern.DOTALL).matcher(page.body());
			assertThat(m.find()).as("link " + id).isTrue();
		}
		return m.group(1).replace("&amp;", "&");
	}
}

class KeywordSearchOnH2Test extends KeywordSearchTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}
}

@RequiresPostgres
class KeywordSearchOnPostgresTest extends KeywordSearchTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
