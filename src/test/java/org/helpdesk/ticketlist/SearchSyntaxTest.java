package org.helpdesk.ticketlist;

import java.util.List;

import org.helpdesk.ticketlist.SearchSyntax.Clause;
import org.helpdesk.ticketlist.SearchSyntax.Kind;
import org.helpdesk.ticketlist.SearchSyntax.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchSyntaxTest {

	@Test
	void wordsPhrasesPrefixesExclusionsAndFieldsAreRead() {
		SearchSyntax.Parsed parsed = SearchSyntax.parse(
				"printer \"third floor\" print* -toner TITLE:jam from:bob@example.com queue:\"first line\" status:open");

		assertThat(parsed.groups()).containsExactly(List.of(word("printer")),
				List.of(new Clause(Target.TEXT, Kind.PHRASE, "third floor", false)),
				List.of(new Clause(Target.TEXT, Kind.PREFIX, "print", false)),
				List.of(new Clause(Target.TEXT, Kind.WORD, "toner", true)),
				List.of(new Clause(Target.TITLE, Kind.WORD, "jam", false)),
				List.of(new Clause(Target.FROM, Kind.WORD, "bob@example.com", false)),
				List.of(new Clause(Target.QUEUE, Kind.PHRASE, "first line", false)),
				List.of(new Clause(Target.STATUS, Kind.WORD, "open", false)));
	}

	@Test
	void orJoinsItsNeighboursAndIsAWordOnlyInCapitals() {
		assertThat(SearchSyntax.parse("vpn OR wifi down").groups())
			.containsExactly(List.of(word("vpn"), word("wifi")), List.of(word("down")));
		assertThat(SearchSyntax.parse("vpn or wifi").groups()).hasSize(3);
		assertThat(SearchSyntax.parse("OR OR vpn OR").groups()).containsExactly(List.of(word("vpn")));
	}

	@Test
	void brokenSyntaxBecomesPlainWordsAndNothingIsAnError() {
		assertThat(SearchSyntax.parse("\"unclosed phrase").groups())
			.containsExactly(List.of(word("unclosed")), List.of(word("phrase")));
		assertThat(SearchSyntax.parse("- -- * ** \"\" title: ").groups())
			.containsExactly(List.of(word("title:")));
		assertThat(SearchSyntax.parse("field:[a TO b] x~2 y^3").groups())
			.containsExactly(List.of(word("field:[a")), List.of(word("TO")), List.of(word("b]")),
					List.of(word("x~2")), List.of(word("y^3")));
		assertThat(SearchSyntax.parse("-\"*\"+!()".repeat(40)).groups()).isNotNull();
		assertThat(SearchSyntax.parse("a ".repeat(100)).clauses()).hasSize(SearchSyntax.MAX_CLAUSES);
		assertThat(SearchSyntax.parse(null).isEmpty()).isTrue();
	}

	private static Clause word(String text) {
		return new Clause(Target.TEXT, Kind.WORD, text, false);
	}
}
