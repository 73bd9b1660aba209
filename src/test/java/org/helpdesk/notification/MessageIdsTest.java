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
	void anIdIsTheTimeInTwelveHexDigitsThenNinetySixRandomBitsAtTheHost() {
		assertThat(MessageIds.next(42, "help.example.test")).matches("<00000000002a\\.[0-9a-f]{24}@help\\.example\\.test>");
		assertThat(MessageIds.next(1_700_000_000_000L, "h")).matches("<018bcfe56800\\.[0-9a-f]{24}@h>");
	}

	@Test
	void idsOfTheSameMillisecondDifferInTheirRandomPart() {
		assertThat(MessageIds.next(42, "h")).isNotEqualTo(MessageIds.next(42, "h"));
	}
}
