package org.helpdesk.web.list;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.ticket.TicketRelations;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard, the ticket list with its filters, sorting, paging and saved views, and bulk actions, used over
 * real HTTP by signed-in agents.
 */
abstract class TicketListTests extends FullStackTest {

	private static final Pattern ROW = Pattern.compile("<tr[^>]*class=\"ticket-row\"[^>]*data-ticket-id=\"(\\d+)\"");

	private static final String PASSWORD = "agent-password-1";

	/** How long the search index may take to catch up with a change, at most (it is usually milliseconds). */
	private static final Duration INDEXED = Duration.ofSeconds(10);

	@Autowired
	private TicketUpdates updates;

	@Autowired
	private TicketRelations relations;

	@Autowired
	private AccountManagement accounts;

	private long queueA;

	private long queueB;

	@BeforeEach
	void queues() {
		queueA = client.createQueue(unique("qa"));
		queueB = client.createQueue(unique("qb"));
	}

	@Test
	void theListShowsOpenAndReopenedTicketsUnlessAskedOtherwise() {
		long open = ticket(queueA, "Printer jammed", 3);
		long resolved = ticket(queueA, "Password reset", 3);
		long reopened = ticket(queueA, "VPN drops", 3);
		resolve(resolved);
		resolve(reopened);
		updates.update(reopened, status(TicketStatus.REOPENED), admin());
		BrowserlessSession agent = agent(List.of());

		assertThat(rows(agent.get("/tickets?queue=" + queueA))).containsExactlyInAnyOrder(open, reopened);
		assertThat(rows(agent.get("/tickets?queue=" + queueA + "&status=resolved"))).containsExactly(resolved);
	}

	@Test
	void aKeywordFindsATicketByAFollowUpComment() {
		long commented = ticket(queueA, "Laptop", 3);
		long other = ticket(queueA, "Monitor", 3);
		client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(commented), "message", "The Flux-Capacitor is 100%_broken"));
		BrowserlessSession agent = agent(List.of());

		await().atMost(INDEXED).untilAsserted(() -> assertThat(
				rows(agent.get("/tickets?queue=" + queueA + "&q=flux-CAPACITOR"))).containsExactly(commented));
		assertThat(rows(agent.get("/tickets?queue=" + queueA + "&q=100%25_"))).containsExactly(commented);
		// % and _ are ordinary characters in a search, not wildcards; a search of nothing else has no word to find
		Page punctuation = agent.get("/tickets?queue=" + queueA + "&q=%25");
		assertThat(rows(punctuation)).isEmpty();
		assertThat(punctuation.body()).contains("id=\"search-no-words\"");
		assertThat(rows(agent.get("/tickets?queue=" + queueA + "&q=M_nitor"))).isEmpty();
		assertThat(rows(agent.get("/tickets?queue=" + queueA + "&q=monitor"))).containsExactly(other);
	}

	@Test
	void aSearchFindsTicketsWithEveryWordInTitleDescriptionOrFollowUpsAndAStarFindsWordStarts() {
		long printer = ticket(queueA, "Printer on floor 7", 3);
		long scanner = ticket(queueA, "Scanner", 3, Map.of("body", "The scanner on floor 2 is slow"));
		long both = ticket(queueA, "Copier", 3);
		client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket", String.valueOf(both),
				"message", "Moved to FLOOR 7 next to the printers"));
		BrowserlessSession agent = agent(List.of());
		String list = "/tickets?queue=" + queueA + "&q=";

		// words are indexed just after the change commits
		await().atMost(INDEXED).untilAsserted(
				() -> assertThat(rows(agent.get(list + "floor+7"))).containsExactlyInAnyOrder(printer, both));
		assertThat(rows(agent.get(list + "Floor"))).containsExactlyInAnyOrder(printer, scanner, both);
		assertThat(rows(agent.get(list + "prin"))).isEmpty();
		assertThat(rows(agent.get(list + "print*"))).containsExactlyInAnyOrder(printer, both);
		assertThat(rows(agent.get(list + "slow+scanner"))).containsExactly(scanner);
		assertThat(rows(agent.get(list + "scanner+7"))).isEmpty();
		// a reference finds its ticket even when no text holds the number
		assertThat(rows(agent.get(list + "%23" + scanner))).containsExactly(scanner);
	}

	@Test
	void anAgentLimitedToOneQueueNeverSeesTicketsOfAnother() {
		long visible = ticket(queueA, "Mine to see", 3);
		long hidden = ticket(queueB, "Not for you", 3);
		BrowserlessSession agent = agent(List.of(queueA));

		assertThat(rows(agent.get("/tickets"))).contains(visible).doesNotContain(hidden);
		assertThat(rows(agent.get("/tickets?queue=" + queueB))).isEmpty();
		assertThat(rows(agent.get("/tickets?queue=" + queueB + "&queue=" + queueA))).containsExactly(visible);
		String dashboard = agent.get("/dashboard").body();
		assertThat(dashboard).contains("data-queue-id=\"" + queueA + "\"").doesNotContain("data-queue-id=\"" + queueB + "\"")
			.doesNotContain("Not for you");
	}

	@Test
	void sortingByPriorityOrdersTheRowsBothWays() {
		long normal = ticket(queueA, "Normal", 3);
		long critical = ticket(queueA, "Critical", 1);
		long veryLow = ticket(queueA, "Very low", 5);
		long high = ticket(queueA, "High", 2);
		BrowserlessSession agent = agent(List.of());

		Page ascending = agent.get("/tickets?queue=" + queueA + "&sort=priority");
		assertThat(rows(ascending)).containsExactly(critical, high, normal, veryLow);
		assertThat(ascending.body()).contains("Critical").contains("Very low");
		assertThat(rows(agent.get("/tickets?queue=" + queueA + "&sort=-priority")))
			.containsExactly(veryLow, normal, high, critical);
	}

	@Test
	void thePageAfterTheFirstHoldsTheNextTicketsWithoutOverlap() {
		long owner = client.createUser(unique("owner"), PASSWORD, "agent", null, List.of());
		List<Long> all = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			// many equal values and some empty owners and due dates: the id must break the ties, and the rows
			// without a value must neither repeat nor go missing between pages
			Map<String, String> extra = new LinkedHashMap<>();
			if (i % 3 == 0) {
				extra.put("assigned_to", String.valueOf(owner));
			}
			if (i % 4 == 0) {
				extra.put("due_date", "2030-01-0" + (1 + i % 2));
			}
			all.add(ticket(queueA, "Bulk " + i % 5, 1 + i % 3, extra));
		}
		BrowserlessSession agent = agent(List.of());

		for (String sort : List.of("priority", "-priority", "due", "-due", "owner", "-owner", "title", "-status",
				"queue", "-modified", "created", "-id")) {
			Page first = agent.get("/tickets?queue=" + queueA + "&sort=" + sort + "&size=25");
			List<Long> firstRows = rows(first);
			Page second = agent.get(link(first, "next-page"));
			List<Long> secondRows = rows(second);

			assertThat(firstRows).as(sort).hasSize(25);
			assertThat(secondRows).as(sort).hasSize(5).doesNotContainAnyElementsOf(firstRows);
			List<Long> both = new ArrayList<>(firstRows);
			both.addAll(secondRows);
			assertThat(both).as(sort).containsExactlyInAnyOrderElementsOf(all);
			assertThat(second.body()).contains("Tickets 26 to 30 of 30");
			assertThat(rows(agent.get(link(second, "previous-page")))).as(sort).containsExactlyElementsOf(firstRows);
		}
	}

	@Test
	void aLongListSaysMoreThanAThousandAndStillPagesWithinTheAgentsQueues() {
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			created.add(ticket(queueA, "Flood " + i, 3));
		}
		long elsewhere = ticket(queueB, "Not for this agent", 3);
		BrowserlessSession agent = agent(List.of(queueA));

		// the default list filters by status alone, which most tickets match: it is read in the order of the
		// created index, with the queue limit still applied
		List<Long> newestFirst = new ArrayList<>(created);
		Collections.reverse(newestFirst);
		Page first = agent.get("/tickets?sort=-created&size=25");
		Page second = agent.get(link(first, "next-page"));
		assertThat(first.body()).contains("Tickets 1 to 25 of more than 1,000");
		assertThat(rows(first)).containsExactlyElementsOf(newestFirst.subList(0, 25));
		assertThat(rows(second)).containsExactlyElementsOf(newestFirst.subList(25, 50));
		// a word in every one of them: read in created order too, each ticket checked for the word
		await().atMost(INDEXED).untilAsserted(() -> assertThat(rows(agent.get("/tickets?sort=-created&size=25&q=FLOOD")))
			.containsExactlyElementsOf(newestFirst.subList(0, 25)));
		assertThat(rows(agent.get("/tickets?sort=-created&size=100&status=duplicate"))).isEmpty();
		assertThat(agent.get("/tickets?sort=-created&size=100").body()).doesNotContain("Not for this agent");
		assertThat(rows(agent.get("/tickets?queue=" + queueB))).doesNotContain(elsewhere);
		assertThat(agent.get("/dashboard").body()).contains(">1,000+<", "Show all (more than 1,000) in the list");
	}

	@Test
	void aSharedViewIsOpenToOtherAgentsAndAPrivateOneIsNot() {
		ticket(queueA, "In the view", 2);
		BrowserlessSession author = agent(List.of());
		author.get("/tickets?queue=" + queueA);
		long shared = saveView(author, "Team view", true);
		long secret = saveView(author, "My view", false);
		BrowserlessSession colleague = agent(List.of());

		Page opened = colleague.get("/tickets?view=" + shared);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.body()).contains("Team view").contains("In the view").doesNotContain("My view");
		assertThat(colleague.get("/tickets?view=" + secret).status()).isEqualTo(404);
		assertThat(colleague.get("/tickets?view=nonsense").status()).isEqualTo(404);
		assertThat(colleague.post("/tickets/views/" + shared + "/delete", Map.of()).status()).isEqualTo(404);

		author.get("/tickets");
		author.post("/tickets/views/" + secret + "/delete", Map.of());
		assertThat(author.get("/tickets?view=" + secret).status()).isEqualTo(404);
	}

	@Test
	void bulkCloseClosesOnlyTheTicketsItMayAndReportsTheRest() {
		long closable = ticket(queueA, "Done with", 3);
		long waiting = ticket(queueA, "Waits for another", 3);
		long blocker = ticket(queueA, "Still open", 3);
		long foreign = ticket(queueB, "Other queue", 3);
		relations.addDependency(waiting, blocker, admin());
		BrowserlessSession agent = agent(List.of(queueA));
		agent.get("/tickets?queue=" + queueA);

		Page result = agent.follow(bulk(agent, "close-silently", List.of(closable, waiting, foreign)));

		assertThat(result.body()).contains("1 of 3 tickets closed.");
		assertThat(result.body()).contains("#" + waiting).contains("it depends on tickets that are still open");
		assertThat(result.body()).contains("#" + foreign).contains("you may not use it");
		assertThat(client.ticket(closable).get("status").asString()).isEqualTo("closed");
		assertThat(client.ticket(waiting).get("status").asString()).isEqualTo("open");
		assertThat(client.ticket(foreign).get("status").asString()).isEqualTo("open");
	}

	@Test
	void theDashboardCountsShowAChangeAtOnce() {
		long ticket = ticket(queueA, "Count me", 3);
		BrowserlessSession agent = agent(List.of());
		assertThat(count(agent.get("/dashboard"), queueA, "open")).isEqualTo(1);
		assertThat(count(agent.get("/dashboard"), queueA, "resolved")).isZero();

		resolve(ticket);

		Page dashboard = agent.get("/dashboard");
		assertThat(count(dashboard, queueA, "open")).isZero();
		assertThat(count(dashboard, queueA, "resolved")).isEqualTo(1);
	}

	/** The number the dashboard's table shows for a queue and status. */
	private static long count(Page dashboard, long queue, String status) {
		String body = dashboard.body();
		String row = body.substring(body.indexOf("data-queue-id=\"" + queue + "\""));
		Matcher m = Pattern.compile("data-status=\"" + status + "\">(\\d+)<").matcher(row);
		assertThat(m.find()).as("count of " + status).isTrue();
		return Long.parseLong(m.group(1));
	}

	@Test
	void bulkTakeAssignsTheTicketsToMeAndTheDashboardShowsThem() {
		long first = ticket(queueA, "Take me", 3);
		long second = ticket(queueA, "Take me too", 3);
		String username = unique("taker");
		long me = client.createUser(username, PASSWORD, "agent", null, List.of());
		BrowserlessSession agent = signIn(username);
		agent.get("/tickets?queue=" + queueA);

		Page result = agent.follow(bulk(agent, "take", List.of(first, second)));

		assertThat(result.body()).contains("2 of 2 tickets taken.");
		assertThat(client.ticket(first).get("assigned_to").asLong()).isEqualTo(me);
		assertThat(rows(agent.get("/tickets?owner=me"))).containsExactlyInAnyOrder(first, second);
		String dashboard = agent.get("/dashboard").body();
		assertThat(dashboard.substring(dashboard.indexOf("panel-mine"), dashboard.indexOf("panel-unassigned")))
			.contains("Take me").contains("Take me too");
		assertThat(dashboard).contains("/tickets?queue=" + queueA + "&amp;status=open");
	}

	@Test
	void bulkTakeLeavesATicketSomeoneElseOwnsWithThemAndSaysWhy() {
		long free = ticket(queueA, "Free to take", 3);
		long owned = ticket(queueA, "Already taken", 3);
		updates.update(owned, TicketUpdate.assign(admin().id()), admin());
		String username = unique("latecomer");
		long me = client.createUser(username, PASSWORD, "agent", null, List.of());
		BrowserlessSession agent = signIn(username);
		agent.get("/tickets?queue=" + queueA);

		Page result = agent.follow(bulk(agent, "take", List.of(free, owned)));

		assertThat(result.body()).contains("1 of 2 tickets taken.").contains("someone else owns it");
		assertThat(client.ticket(free).get("assigned_to").asLong()).isEqualTo(me);
		assertThat(client.ticket(owned).get("assigned_to").asLong()).isEqualTo(admin().id());
	}

	@Test
	void bulkMergeAndDeleteGoThroughTheTicketRules() {
		long target = ticket(queueA, "Keep", 3);
		long duplicate = ticket(queueA, "Same problem", 3);
		long doomed = ticket(queueA, "Spam", 3);
		BrowserlessSession agent = agent(List.of());
		agent.get("/tickets?queue=" + queueA);

		Page merged = agent.follow(bulk(agent, "merge", List.of(target, duplicate)));
		assertThat(merged.body()).contains("1 of 1 tickets merged.");
		assertThat(client.ticket(duplicate).get("status").asString()).isEqualTo("duplicate");
		// the duplicate's follow-ups moved to the target, and its words with them
		await().atMost(INDEXED).untilAsserted(
				() -> assertThat(rows(agent.get("/tickets?queue=" + queueA + "&q=same+problem"))).containsExactly(target));

		Page deleted = agent.follow(bulk(agent, "delete", List.of(doomed)));
		assertThat(deleted.body()).contains("1 of 1 tickets deleted.");
		assertThat(client.admin("GET", "/api/v1/tickets/" + doomed, null).status()).isEqualTo(404);
	}

	@Test
	void hostileListParametersGiveANormalPageNeverAServerError() {
		ticket(queueA, "Still listed", 3);
		BrowserlessSession agent = agent(List.of());
		for (String hostile : List.of("sort=id;drop%20table%20ticket", "page=-1", "size=100000", "queue=abc",
				"after=-5&page=99999999999", "before=abc", "q=%27%20or%201%3D1--", "created_from=2020-13-45",
				"due_to=99999-01-01", "owner=1%20or%201%3D1", "status=%3Cscript%3E", "priority=0&priority=9",
				"sort=-", "q=" + "x".repeat(300), "after=99999999")) {
			Page page = agent.get("/tickets?" + hostile);
			assertThat(page.status()).as(hostile).isEqualTo(200);
			assertThat(page.body()).as(hostile).contains("id=\"ticket-table\"").doesNotContain("<script>");
		}
		assertThat(rows(agent.get("/tickets?queue=abc&queue=" + queueA))).hasSize(1);
		agent.get("/tickets");
		assertThat(agent.post("/tickets/bulk", Map.of("ticket", "1;drop", "action", "close")).status()).isEqualTo(400);
		assertThat(agent.post("/tickets/bulk", Map.of("ticket", "1", "action", "explode")).status()).isEqualTo(400);
	}

	private long ticket(long queue, String title, int priority) {
		return ticket(queue, title, priority, Map.of());
	}

	private long ticket(long queue, String title, int priority, Map<String, String> extra) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", title, "priority", String.valueOf(priority), "body", "About " + title));
		fields.putAll(extra);
		Response response = client.legacy("create_ticket", fields);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body().trim());
	}

	private void resolve(long ticket) {
		client.legacy("resolve", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket", String.valueOf(ticket),
				"resolution", "Fixed"));
	}

	private Account admin() {
		return accounts.findActiveByUsername(ADMIN).orElseThrow();
	}

	private static TicketUpdate status(TicketStatus status) {
		return TicketUpdate.status(status);
	}

	private BrowserlessSession agent(List<Long> queues) {
		String username = unique("agent");
		client.createUser(username, PASSWORD, "agent", null, queues);
		return signIn(username);
	}

	private BrowserlessSession signIn(String username) {
		BrowserlessSession session = new BrowserlessSession(client.base());
		assertThat(session.signIn(username, PASSWORD)).isTrue();
		return session;
	}

	private long saveView(BrowserlessSession session, String title, boolean shared) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("title", title, "query", "queue=" + queueA));
		if (shared) {
			fields.put("shared", "on");
		}
		Page saved = session.post("/tickets/views", fields);
		assertThat(saved.location()).contains("/tickets?view=");
		session.follow(saved);
		return Long.parseLong(saved.location().replaceAll(".*view=", ""));
	}

	private static Page bulk(BrowserlessSession session, String action, List<Long> tickets) {
		// a form may carry the same field several times; the session helper sends a map, so join by hand
		StringBuilder ids = new StringBuilder();
		Map<String, String> fields = new LinkedHashMap<>(Map.of("action", action, "back", "sort=-created"));
		for (int i = 0; i < tickets.size(); i++) {
			ids.append(i == 0 ? "" : ",").append(tickets.get(i));
		}
		fields.put("ticket", ids.toString());
		return session.post("/tickets/bulk", fields);
	}

	private static List<Long> rows(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		Matcher m = ROW.matcher(page.body());
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	private static String link(Page page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"").matcher(page.body());
		assertThat(m.find()).as("link " + id).isTrue();
		return m.group(1).replace("&amp;", "&");
	}
}
