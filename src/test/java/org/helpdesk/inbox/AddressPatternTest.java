package org.helpdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPatternTest {

	@ParameterizedTest
	@CsvSource({ "*@spam.example, bob@spam.example, true", "*@spam.example, BOB@Spam.Example, true",
			"*@spam.example, bob@sub.spam.example, false", "*@spam.example, bob@spam.example.org, false",
			"*@*.spam.example, bob@sub.spam.example, true", "*@*.spam.example, bob@spam.example, false",
			"noreply@*, noreply@shop.example, true", "noreply@*, no-reply@shop.example, false",
			"noreply@*, xnoreply@shop.example, false", "*.marketing.example, news@mail.marketing.example, true",
			"*.marketing.example, news@marketing.example, false", "bob@example.com, bob@example.com, true",
			"bob@example.com, bob@example.com.evil, false", "bob@example.com, ebob@example.com, false",
			"*@*, anyone@anywhere, true", "*news*@*, weekly-newsletter@shop.example, true",
			"a*b*c@x, abxc@x, true", "a*b*c@x, acb@x, false", "a*b*c@x, aXbYc@x, true", "bob.smith@x, bobxsmith@x, false" })
	void matchesTheWholeAddressIgnoringCase(String pattern, String address, boolean matches) {
		assertThat(AddressPattern.of(pattern).matches(address)).isEqualTo(matches);
	}

	@Test
	void manyStarsAgainstALongAddressAnswerAtOnce() {
		AddressPattern stars = AddressPattern.of("*a".repeat(100) + "b");
		assertThat(stars.matches("a".repeat(10_000))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "*", "***", "bob smith@x", "<bob@x>", "a@x,b@x", "\"q\"@x", "bob@x\r\nBcc: y",
			"b\u0000b@x", "b\uFFFDb@x" })
	void refusesWhatIsNoPattern(String text) {
		assertThat(AddressPattern.problem(text)).isPresent();
	}

	@Test
	void refusesAPatternLongerThanAnAddress() {
		assertThat(AddressPattern.problem("a".repeat(250) + "@x.yz")).contains("must be at most 254 characters");
		assertThat(AddressPattern.problem("a".repeat(249) + "@x.yz")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*@spam.example", "noreply@*", "*.marketing.example", "*@*", "o'brien+tag@x.example",
			"bücher@bücher.example" })
	void acceptsPatternsOfAddresses(String text) {
		assertThat(AddressPattern.problem(text)).isEmpty();
	}

	@Test
	void theOldestMatchingRuleForTheQueueDecides() {
		CompiledRules rules = new CompiledRules(1, List.of(rule(1, "*@*.example", false, Set.of(7L)),
				rule(2, "*@spam.example", true, Set.of()), rule(3, "bob@spam.example", false, Set.of()),
				rule(4, "*spam*", false, Set.of())));

		assertThat(rules.first(7, "bob@spam.example")).map(IgnoreRule::id).contains(1L);
		assertThat(rules.first(8, "bob@spam.example")).map(IgnoreRule::id).contains(2L);
		assertThat(rules.first(8, "Carol@SPAM.example")).map(IgnoreRule::keepInMailbox).contains(true);
		assertThat(rules.first(8, "eve@spammer.example")).map(IgnoreRule::id).contains(4L);
		assertThat(rules.first(8, "alice@example.org")).isEmpty();
		assertThat(rules.first(8, null)).isEmpty();
	}

	@Test
	void aRuleForQueuesThatAreAllGoneMatchesNothing() {
		CompiledRules rules = new CompiledRules(1, List.of(new IgnoreRule(1, "gone", "*@x.example", false, false,
				Set.of(), LocalDate.of(2026, 1, 1))));

		assertThat(rules.first(5, "a@x.example")).isEmpty();
	}

	private static IgnoreRule rule(long id, String pattern, boolean keep, Set<Long> queues) {
		return new IgnoreRule(id, "rule " + id, pattern, keep, queues.isEmpty(), queues, LocalDate.of(2026, 1, 1));
	}
}
