package org.helpdesk.ticketlist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

	@Test
	void textIsCutIntoLowerCaseWordsOfLettersAndDigitsInAnyScript() {
		assertThat(Words.of("The Flux-Capacitor is 100%_broken!", "Größe ÄRGER 東京 ﬁle"))
			.containsExactly("the", "flux", "capacitor", "is", "100", "broken", "größe", "ärger", "東京", "file");
	}

	@Test
	void eachWordCountsOnceAndNothingComesOfPunctuationOrNull() {
		assertThat(Words.of("Printer printer PRINTER", null, "  -- ** %% ")).containsExactly("printer");
		assertThat(Words.of("<p>&nbsp;</p>")).containsExactly("p", "nbsp");
	}

	@Test
	void veryLongWordsAreKeptToTheirStartWithoutSplittingACharacter() {
		String word = "a".repeat(Words.MAX_LENGTH - 1) + "\uD840\uDC00" + "tail"; // U+20000, a CJK letter outside the BMP
		assertThat(Words.of(word)).containsExactly("a".repeat(Words.MAX_LENGTH - 1));
		assertThat(Words.of("b".repeat(100))).containsExactly("b".repeat(Words.MAX_LENGTH));
	}

	@Test
	void aHugeTextAddsABoundedNumberOfWords() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Words.MAX_PER_TEXT * 2; i++) {
			text.append("w").append(i).append(' ');
		}
		assertThat(Words.of(text.toString())).hasSize(Words.MAX_PER_TEXT);
	}

	@Test
	void aSearchIsItsWordsOnceEachAndAStarMakesTheLastWordOfItsTokenAPrefix() {
		assertThat(SearchWords.terms("print* FLOOR-7 floor er-ror*")).containsExactly(
				new SearchWords.Term("print", true), new SearchWords.Term("floor", false),
				new SearchWords.Term("7", false), new SearchWords.Term("er", false), new SearchWords.Term("ror", true));
		assertThat(new SearchWords.Term("100%_", true).value()).isEqualTo("100!%!_%");
	}

	@Test
	void aSearchWithoutWordsHasNoTermsAndAVeryLongOneIsCut() {
		assertThat(SearchWords.terms("%% __ *")).isEmpty();
		assertThat(SearchWords.terms("a b c d e f g h i j k")).hasSize(SearchWords.MAX_TERMS);
	}
}
