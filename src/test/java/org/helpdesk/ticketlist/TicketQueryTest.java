package org.helpdesk.ticketlist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.helpdesk.ticketlist.OwnerFilter;
import org.helpdesk.ticketlist.TicketQuery;
import org.helpdesk.ticketlist.TicketSort;
import org.helpdesk.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the ticket-list filter from the URL and writing it back.
 */
class TicketQueryTest {

	@Test
	void noParametersMeanOpenAndReopenedTicketsNewestFirst() {
		TicketQuery query = TicketQuery.parse(Map.of()).query();

		assertThat(query.statuses()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.REOPENED);
		assertThat(query.owner()).isEqualTo(OwnerFilter.ANYONE);
		assertThat(query.sort()).isEqualTo(TicketSort.CREATED);
		assertThat(query.descending()).isTrue();
		assertThat(query.pageSize()).isEqualTo(25);
	}

	@Test
	void aQueryTravelsThroughItsQueryStringUnchanged() {
		TicketQuery query = TicketQuery.parse(Map.of("queue", List.of("3", "1"), "status", List.of("closed"),
				"priority", List.of("2"), "owner", List.of("me"), "q", List.of("50% off & more"),
				"created_from", List.of("2024-01-31"), "due_to", List.of("2024-02-29"), "sort", List.of("-due"),
				"size", List.of("100"))).query();

		TicketQuery again = TicketQuery.parse(query.toQueryString()).query();

		assertThat(again).isEqualTo(query);
		assertThat(again.keyword()).isEqualTo("50% off & more");
		assertThat(again.createdFrom()).isEqualTo(LocalDate.of(2024, 1, 31));
		assertThat(again.queues()).containsExactly(1L, 3L);
	}

	@Test
	void aSubmitterAndAModifiedRangeTravelThroughTheQueryStringASavedViewKeeps() {
		TicketQuery query = TicketQuery.parse(Map.of("submitter", List.of(" Pat.Doe+Help&Co@Example.TEST "),
				"modified_from", List.of("2026-12-01"), "modified_to", List.of("2026-12-05"), "q", List.of("kiosk")))
			.query();

		TicketQuery again = TicketQuery.parse(query.toQueryString()).query();

		assertThat(again).isEqualTo(query);
		assertThat(again.submitter()).isEqualTo("pat.doe+help&co@example.test");
		assertThat(again.modifiedFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(again.modifiedTo()).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(again.withSort(TicketSort.TITLE, false).withKeyword(null).withPageSize(50).submitter())
			.isEqualTo("pat.doe+help&co@example.test");
	}

	@Test
	void aSubmitterThatIsNoWholeAddressAndABadModifiedDayAreLeftOutAndNamed() {
		for (String bad : List.of("pat", "example.test", "pat@", "@example.test", "pat@example", "' or 1=1 --@x.test",
				"<script>@example.test", "pat@example.test@example.test", "\"Pat\" <pat@example.test>",
				"pat@exa mple.test", "x".repeat(250) + "@example.test", "pat\u0000@example.test")) {
			TicketQuery.Parsed parsed = TicketQuery.parse(Map.of("submitter", List.of(bad), "modified_from",
					List.of("2026-02-30"), "modified_to", List.of("99999-01-01")));

			assertThat(parsed.ignored()).as(bad).containsExactlyInAnyOrder("submitter", "modified_from", "modified_to");
			assertThat(parsed.query().submitter()).isNull();
			assertThat(parsed.query().modifiedFrom()).isNull();
			assertThat(parsed.query().toQueryString()).doesNotContain("submitter").doesNotContain("modified");
		}
	}

	@Test
	void valuesThatMakeNoSenseAreLeftOutAndNamed() {
		TicketQuery.Parsed parsed = TicketQuery.parse(Map.of("sort", List.of("id;drop table ticket"), "size",
				List.of("100000"), "queue", List.of("abc", "-1", "7"), "owner", List.of("1 or 1=1"), "status",
				List.of("<script>"), "priority", List.of("9"), "created_from", List.of("2020-13-45")));

		assertThat(parsed.ignored()).containsExactlyInAnyOrder("sort", "size", "queue", "owner", "status", "priority",
				"created_from");
		TicketQuery query = parsed.query();
		assertThat(query.sort()).isEqualTo(TicketSort.CREATED);
		assertThat(query.pageSize()).isEqualTo(25);
		assertThat(query.queues()).containsExactly(7L);
		assertThat(query.owner()).isEqualTo(OwnerFilter.ANYONE);
		assertThat(query.statuses()).isEqualTo(TicketQuery.DEFAULT_STATUSES);
		assertThat(query.priorities()).isEmpty();
	}

	@Test
	void everySortColumnIsAcceptedAscendingAndDescending() {
		for (TicketSort sort : TicketSort.values()) {
			if (sort == TicketSort.RELEVANCE) {
				continue; // see below
			}
			assertThat(TicketQuery.parse(Map.of("sort", List.of(sort.code()))).query().sort()).isEqualTo(sort);
			TicketQuery descending = TicketQuery.parse(Map.of("sort", List.of("-" + sort.code()))).query();
			assertThat(descending.sort()).isEqualTo(sort);
			assertThat(descending.descending()).isTrue();
		}
	}

	@Test
	void aSearchListsTheBestMatchesFirstUnlessAnOrderIsChosenAndAListWithoutOneCannot() {
		assertThat(TicketQuery.parse(Map.of("q", List.of("printer"))).query().sort()).isEqualTo(TicketSort.RELEVANCE);
		assertThat(TicketQuery.parse(Map.of("q", List.of("printer"), "sort", List.of("-priority"))).query().sort())
			.isEqualTo(TicketSort.PRIORITY);
		TicketQuery ranked = TicketQuery.parse(Map.of("q", List.of("printer"), "sort", List.of("-relevance"))).query();
		assertThat(ranked.sortCode()).isEqualTo("relevance");
		assertThat(TicketQuery.parse(ranked.toQueryString()).query()).isEqualTo(ranked);
		TicketQuery nothingToRank = TicketQuery.parse(Map.of("sort", List.of("relevance"))).query();
		assertThat(nothingToRank.sortCode()).isEqualTo("-created");
	}

	@Test
	void aBrokenSavedQueryStringStillParses() {
		TicketQuery query = TicketQuery.parse("q=%E0%A4%A&&=x&status").query();

		assertThat(query.statuses()).isEqualTo(TicketQuery.DEFAULT_STATUSES);
	}
}
