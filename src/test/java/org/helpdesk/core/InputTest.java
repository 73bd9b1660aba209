package org.helpdesk.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Input}, the checks every channel applies to text from outside. (It lives in org.helpdesk.core; the test sits
 * here because it only uses the public surface.)
 */
class InputTest {

	@Test
	void textDecodedFromBrokenUtf8IsDamaged() {
		String broken = new String(new byte[] { 'a', (byte) 0xFF, (byte) 0xFE }, java.nio.charset.StandardCharsets.UTF_8);

		assertThat(Input.isDamaged(broken)).isTrue();
		assertThat(Input.isDamaged("Gr\u00fc\u00dfe \ud83d\udd25")).isFalse();
		assertThat(Input.isDamaged(null)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000", "bell\u0007", "esc\u001b[0m", "del\u007f", "nel\u0085" })
	void controlCharactersAreFound(String value) {
		assertThat(Input.hasControlCharacters(value, true)).isTrue();
		assertThat(Input.hasControlCharacters(value, false)).isTrue();
	}

	@Test
	void tabsAreAlwaysFineAndLineBreaksOnlyInMultilineText() {
		assertThat(Input.hasControlCharacters("a\tb", false)).isFalse();
		assertThat(Input.hasControlCharacters("a\r\nb", true)).isFalse();
		assertThat(Input.hasControlCharacters("a\nb", false)).isTrue();
		assertThat(Input.hasControlCharacters("a\rb", false)).isTrue();
		assertThat(Input.hasControlCharacters(null, false)).isFalse();
		assertThat(Input.hasControlCharacters("\u65e5\u672c \u00e9", false)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bob@example.com", "bob.smith+tag@mail.example.co.uk", "o'hara@example.ie", "x@a-b.example" })
	void ordinaryAddressesAreEmailAddresses(String address) {
		assertThat(Input.isEmailAddress(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "bob", "bob@", "@example.com", "bob@example", "bob@@example.com", "bob @example.com",
			"<bob@example.com>", "bob@example.com, eve@example.com", "bob@-example.com", "bob@example-.com",
			"bob@example..com", "bob@example.com\nBcc: eve@example.com", "\"bob\"@example.com" })
	void malformedOrHostileAddressesAreNot(String address) {
		assertThat(Input.isEmailAddress(address)).isFalse();
	}

	@Test
	void addressesAreLimitedInLength() {
		assertThat(Input.isEmailAddress("a".repeat(64) + "@example.com")).isTrue();
		assertThat(Input.isEmailAddress("a".repeat(65) + "@example.com")).isFalse();
		String domain = ("a".repeat(50) + ".").repeat(5) + "com";
		assertThat(Input.isEmailAddress("b@" + domain)).as("%d characters", ("b@" + domain).length()).isFalse();
		assertThat(Input.isEmailAddress(null)).isFalse();
	}

	@Test
	void blankMeansNullEmptyOrWhitespace() {
		assertThat(Input.isBlank(null)).isTrue();
		assertThat(Input.isBlank("")).isTrue();
		assertThat(Input.isBlank(" \t\n")).isTrue();
		assertThat(Input.isBlank(" x ")).isFalse();
	}

	@Test
	void acceptableTextHasNoProblem() {
		assertThat(Input.checkText("title", "Printer on fire", 200, false)).isNull();
		assertThat(Input.checkText("title", null, 200, false)).isNull();
		assertThat(Input.checkText("title", "x".repeat(200), 200, false)).isNull();
		assertThat(Input.checkText("body", "line one\nline two", 200, true)).isNull();
	}

	@Test
	void eachProblemNamesTheFieldAndSaysWhatIsWrong() {
		assertThat(Input.checkText("title", "x".repeat(201), 200, false))
			.isEqualTo(new FieldProblem("title", "must be at most 200 characters"));
		assertThat(Input.checkText("title", "a\u0000b", 200, false))
			.isEqualTo(new FieldProblem("title", "contains control characters"));
		assertThat(Input.checkText("title", "a\uFFFDb", 200, false))
			.isEqualTo(new FieldProblem("title", "is not valid UTF-8 text"));
		assertThat(Input.checkText("title", "line\nbreak", 200, false))
			.isEqualTo(new FieldProblem("title", "contains control characters"));
		assertThat(new FieldProblem("title", "is required")).hasToString("title: is required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1\u0000", "\u00001", "1\u001f", "\u000b1", "1 2", "-1", "+1", "1.0", "\u0661",
			"1234567890123456789", "", " " })
	void onlyDigitsWithSpacesAroundAreAWholeNumber(String value) {
		assertThat(Input.wholeNumber(value)).as(value).isEmpty();
	}

	@Test
	void aWholeNumberMayHaveSpacesAround() {
		assertThat(Input.wholeNumber(" 42\t")).contains(42L);
		assertThat(Input.wholeNumber("007")).contains(7L);
		assertThat(Input.wholeNumber(null)).isEmpty();
	}

	@Test
	void surroundingSpaceGoesButControlCharactersStay() {
		assertThat(Input.withoutSurroundingSpace(" qa \r\n")).isEqualTo("qa");
		assertThat(Input.withoutSurroundingSpace("qa\u0000")).isEqualTo("qa\u0000");
		assertThat(Input.withoutSurroundingSpace("\u0000qa")).isEqualTo("\u0000qa");
	}
}
