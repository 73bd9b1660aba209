package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

	@Test
	void laterMailsSortAfterEarlierOnesSoTheOutboxIndexGrowsAtItsEnd() {
		List<String> ids = new ArrayList<>();
		for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 5_000; millis += 7) {
			ids.add(MessageIds.next(millis, "help.example.test"));
		}
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void idsOfTheSameMillisecondDifferInTheirRandomPart() {
		assertThat(MessageIds.next(42, "h")).isNotEqualTo(MessageIds.next(42, "h"));
	}
}
