package org.helpdesk.ticketlist;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.queue.QueueDraft;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.helpdesk.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging through a list of a few thousand tickets, forwards to the end and backwards to the start, shows every
 * ticket exactly once and in the order one query sorting the whole list gives, for every sort column both ways:
 * for broad filters (read in the sort column's order) and narrow ones (looked up and sorted), with ties and missing
 * values, and for an agent limited to some queues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TicketPagingTests extends FullStackTest {

	private static final int TICKETS = 5000;

	private static final int PAGE = 50;

	@Autowired
	TicketSearch search;

	@Autowired
	QueueManagement queues;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	private final List<Long> queueIds = new ArrayList<>();

	private final List<Account> owners = new ArrayList<>();

	private Account limited;

	@BeforeAll
	void seed() {
		for (String title : List.of("Alpha", "beta", "Gamma")) {
			queueIds.add(queues.create(new QueueDraft(title, unique("pg"), null, null, null, null, null, null, null, null))
				.id());
		}
		for (String first : List.of("Anna", "bert", "Carl", "dora")) {
			owners.add(accounts.create(new NewAccount(unique(first.toLowerCase()), "agent-password-1", null, first,
					"Owner", "agent", Set.of(), true, true), null));
		}
		limited = accounts.create(new NewAccount(unique("limited"), "agent-password-1", null, "Lim", "Ited", "agent",
				Set.of(queueIds.get(0), queueIds.get(2)), false, true), null);
		insertTickets();
	}

	/** Written straight into the tables like bench/Seed.java, with many ties and missing values. */
	private void insertTickets() {
		Random random = new Random(42);
		Instant start = Instant.parse("2025-01-01T00:00:00Z");
		List<Object[]> rows = new ArrayList<>();
		String[] statuses = { "open", "open", "reopened", "closed", "closed", "closed", "resolved", "duplicate" };
		for (int i = 0; i < TICKETS; i++) {
			Instant created = start.plusSeconds(60L * (i / 3)); // three tickets a minute: ties
			Instant modified = created.plusSeconds(60L * random.nextInt(5000));
			Account owner = random.nextInt(4) == 0 ? null : owners.get(random.nextInt(owners.size()));
			Instant due = random.nextInt(3) == 0 ? start.plusSeconds(86_400L * random.nextInt(30)) : null;
			rows.add(new Object[] { queueIds.get(i % 7 == 0 ? 1 : random.nextInt(3)),
					"title" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)),
					owner == null ? null : owner.id(), statuses[random.nextInt(statuses.length)], 1 + random.nextInt(5),
					due == null ? null : Timestamp.from(due), Timestamp.from(created), Timestamp.from(modified),
					"key" + i });
		}
		template.batchUpdate("""
				insert into ticket (queue_id, title, assigned_to, status, priority, on_hold, due_date, created, modified,
				  secret_key)
				values (?, ?, ?, ?, ?, false, ?, ?, ?, ?)""", rows);
		// as bench/Seed.java does after writing tickets past the ticket module
		jdbc.sql("delete from ticket_count").update();
		jdbc.sql("""
				insert into ticket_count (queue_id, status, slot, tickets)
				select queue_id, status, mod(id, 16), count(*) from ticket group by queue_id, status, mod(id, 16)""")
			.update();
	}

	@Test
	void theOpenTicketsPageCompletelyInEveryOrder() {
		everySort(query(Set.of(), TicketQuery.DEFAULT_STATUSES, Set.of()), owners.get(0));
	}

	@Test
	void theClosedTicketsOfTheSmallQueuePageCompletelyInEveryOrder() {
		everySort(query(Set.of(queueIds.get(1)), EnumSet.of(TicketStatus.CLOSED), Set.of()), owners.get(0));
	}

	@Test
	void ticketsOfSomePrioritiesPageCompletelyInEveryOrder() {
		everySort(query(Set.of(), EnumSet.allOf(TicketStatus.class), Set.of(1, 2)), owners.get(0));
	}

	/** Over {@link TicketSearch#COUNT_LIMIT} match, so H2 reads them in sort order with the owner check hidden. */
	@Test
	void unassignedTicketsPageCompletelyInEveryOrder() {
		everyManySort(query(Set.of(), EnumSet.allOf(TicketStatus.class), Set.of(), OwnerFilter.UNASSIGNED, null, null));
	}

	/** The same with priorities and a date range, which H2 reads in sort order when the list is sorted by that date. */
	@Test
	void ticketsOfSomePrioritiesModifiedInARangePageCompletelyInEveryOrder() {
		everyManySort(query(Set.of(), EnumSet.allOf(TicketStatus.class), Set.of(1, 2, 3), OwnerFilter.ANYONE,
				LocalDate.parse("2025-01-02"), LocalDate.parse("2025-01-03")));
	}

	private void everyManySort(TicketQuery query) {
		assertThat(expected(query, owners.get(0))).as("more than a count tells").hasSizeGreaterThan(
				(int) TicketSearch.COUNT_LIMIT);
		everySort(query, owners.get(0));
	}

	@Test
	void anAgentLimitedToTwoQueuesPagesThroughAllTheirTicketsAndNoOthers() {
		TicketQuery all = query(Set.of(), EnumSet.allOf(TicketStatus.class), Set.of());
		everySort(all, limited);
		assertThat(expected(all, limited)).hasSize(jdbc.sql("select count(*) from ticket where queue_id <> ?")
			.param(queueIds.get(1)).query(Long.class).single().intValue());
	}

	private void everySort(TicketQuery query, Account reader) {
		for (TicketSort sort : TicketSort.values()) {
			for (boolean descending : new boolean[] { false, true }) {
				TicketQuery sorted = query.withSort(sort, descending);
				List<Long> expected = expected(sorted, reader);
				assertThat(expected).as("the test's filter must match tickets").hasSizeGreaterThan(2 * PAGE);
				List<TicketPage> forwards = pageForwards(sorted, reader);
				assertThat(forwards.stream().flatMap(p -> p.rows().stream()).map(TicketRow::id))
					.as("forwards by %s %s", sort, descending ? "desc" : "asc")
					.containsExactlyElementsOf(expected);
				assertThat(pageBackwards(sorted, reader, forwards.get(forwards.size() - 1)))
					.as("backwards by %s %s", sort, descending ? "desc" : "asc")
					.containsExactlyElementsOf(expected);
			}
		}
	}

	/** Every page from the first to the last, following the "next" cursor; every page but the last is full. */
	private List<TicketPage> pageForwards(TicketQuery query, Account reader) {
		List<TicketPage> pages = new ArrayList<>();
		TicketPage page = search.search(query, TicketPage.Position.FIRST, reader, ZoneOffset.UTC);
		while (true) {
			pages.add(page);
			if (page.nextAfter() == null) {
				return pages;
			}
			assertThat(page.rows()).hasSize(PAGE);
			page = search.search(query, new TicketPage.Position(page.nextAfter(), null, page.number() + 1), reader,
					ZoneOffset.UTC);
		}
	}

	/** From the last page back to the first, each page's rows put in front of those seen. */
	private List<Long> pageBackwards(TicketQuery query, Account reader, TicketPage last) {
		TicketPage page = last;
		List<List<Long>> pages = new ArrayList<>();
		while (true) {
			pages.add(page.rows().stream().map(TicketRow::id).toList());
			if (page.previousBefore() == null) {
				break;
			}
			page = search.search(query, new TicketPage.Position(null, page.previousBefore(), page.number() - 1),
					reader, ZoneOffset.UTC);
			assertThat(page.rows()).hasSize(PAGE);
		}
		Collections.reverse(pages);
		return pages.stream().flatMap(List::stream).toList();
	}

	/** The whole list in one query sorted by the database, no paging. */
	private List<Long> expected(TicketQuery query, Account reader) {
		TicketListSql filter = TicketListSql.of(query, reader, ZoneOffset.UTC, false);
		return jdbc.sql("select t.id" + TicketListSql.FROM + filter.where()
				+ TicketSeek.orderBy(query.sort(), query.descending()))
			.params(filter.params())
			.query(Long.class)
			.list();
	}

	private static TicketQuery query(Set<Long> queues, Set<TicketStatus> statuses, Set<Integer> priorities) {
		return query(queues, statuses, priorities, OwnerFilter.ANYONE, null, null);
	}

	private static TicketQuery query(Set<Long> queues, Set<TicketStatus> statuses, Set<Integer> priorities,
			OwnerFilter owner, LocalDate modifiedFrom, LocalDate modifiedTo) {
		return new TicketQuery(new TreeSet<>(queues), statuses, new TreeSet<>(priorities), owner, null, null, null, null,
				modifiedFrom, modifiedTo, null, null, TicketSort.CREATED, true, PAGE);
	}
}

class TicketPagingOnH2Test extends TicketPagingTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}
}

@RequiresPostgres
class TicketPagingOnPostgresTest extends TicketPagingTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}

/**
 * H2 with walks cut short after 120 tickets: a page whose matches lie further down the order is looked up by its
 * filter instead, and the pages must still join up with no ticket missing or repeated. On the file database of the
 * default configuration, holding no more than 100 rows of a result in memory: larger sorts go to disk, as they do at
 * a million tickets (where H2 2.4 failed to sort by a column named twice in the order).
 */
class TicketPagingOnH2WithShortWalksTest extends TicketPagingTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2File(registry, ";MAX_MEMORY_ROWS=100");
		registry.add("helpdesk.lists.walk-at-most", () -> "120");
	}
}
