package org.helpdesk.ticketlist;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seek conditions of the ticket list: the next page starts right after the last row shown, nulls included.
 */
class TicketSeekTest {

	@Test
	void theOrderAlwaysEndsWithTheIdSoTiesHaveOneOrder() {
		assertThat(TicketSeek.orderBy(TicketSort.PRIORITY, false)).isEqualTo(" order by t.priority asc, t.id asc");
		assertThat(TicketSeek.orderBy(TicketSort.DUE, true)).isEqualTo(" order by t.due_date desc nulls first, t.id desc");
		assertThat(TicketSeek.orderBy(TicketSort.ID, true)).isEqualTo(" order by t.id desc");
	}

	@Test
	void valuesAreBoundNeverWrittenIntoTheStatement() {
		Map<String, Object> params = new HashMap<>();

		String condition = TicketSeek.after(TicketSort.TITLE, false, "x'; drop table ticket", 7, params);

		assertThat(condition).doesNotContain("drop");
		assertThat(params).containsEntry("seekValue", "x'; drop table ticket").containsEntry("seekId", 7L);
	}

	@Test
	void goingUpPastAValueReachesTheRowsWithoutOne() {
		Map<String, Object> params = new HashMap<>();

		assertThat(TicketSeek.after(TicketSort.DUE, false, "2024", 7, params)).contains("t.due_date is null");
		assertThat(TicketSeek.after(TicketSort.DUE, false, null, 7, params))
			.isEqualTo("(t.due_date is null and t.id > :seekId)");
		assertThat(TicketSeek.after(TicketSort.DUE, true, null, 7, params))
			.isEqualTo("((t.due_date is null and t.id < :seekId) or t.due_date is not null)");
	}

	@Test
	void aPageDeepInAListStartsReadingAtItsCursorNotAtTheTop() {
		Map<String, Object> params = new HashMap<>();

		assertThat(TicketSeek.after(TicketSort.CREATED, true, "2024", 7, params))
			.startsWith("t.created <= :seekValue and (");
		assertThat(TicketSeek.after(TicketSort.PRIORITY, false, 3, 7, params)).startsWith("t.priority >= :seekValue and (");
		// going up, the tickets without a due date follow those with one: no lower bound
		assertThat(TicketSeek.after(TicketSort.DUE, false, "2024", 7, params)).doesNotContain(">=");
	}

}
