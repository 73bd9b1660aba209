package org.helpdesk.core;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

	private final Markdown markdown = new Markdown();

	@Test
	void deeplyNestedQuotesAndListsRenderAsTextInsteadOfOverflowingTheStack() {
		for (String hostile : List.of("> ".repeat(20_000) + "deep", "- ".repeat(20_000) + "deep",
				"*".repeat(30_000) + "deep" + "*".repeat(30_000))) {
			assertThat(markdown.render(hostile)).contains("deep");
			assertThat(markdown.renderPublic(hostile)).contains("deep");
			assertThat(markdown.plain(hostile)).contains("deep");
		}
	}

	@Test
	void mailedHtmlKeepsItsWordsAndLosesScriptsHandlersStylesFormsImagesAndLinksToUs() {
		String html = markdown.cleanHtml("""
				<html><head><style>p{color:red}</style><script>alert(1)</script></head>
				<body onload="steal()"><p style="background:url(https://tracker.example/p.gif)">Hello <b>there</b></p>
				<img src="https://tracker.example/pixel.gif" onerror="alert(2)"><form action="/logout"><input name="x"></form>
				<a href="https://example.com/help">help</a> <a href="/admin/users">ours</a> <a href="javascript:alert(3)">js</a>
				<svg onload="alert(4)"></svg><iframe src="https://attacker.example/"></iframe></body></html>""");

		assertThat(html).contains("<p>Hello <b>there</b></p>")
			.contains("<a href=\"https://example.com/help\" rel=\"nofollow noopener noreferrer\">help</a>")
			.doesNotContain("alert").doesNotContain("steal").doesNotContain("style").doesNotContain("tracker")
			.doesNotContain("<img").doesNotContain("<form").doesNotContain("<input").doesNotContain("<svg")
			.doesNotContain("<iframe").doesNotContain("/admin/users").doesNotContain("javascript");
		assertThat(markdown.cleanHtml(null)).isEmpty();
	}

	@Test
	void nestingAPersonWouldTypeStillRenders() {
		assertThat(markdown.render("> > > quoted thrice\n\n- a\n  - b\n    - c")).contains("<blockquote>")
			.contains("<li>c</li>");
	}

	@Test
	void rendersEmphasisLinksAndCode() {
		String html = markdown.render("*bold* and [docs](https://example.com)\n\n```\ncode\n```");

		assertThat(html).contains("<em>bold</em>")
			.contains("<a href=\"https://example.com\" rel=\"nofollow noopener noreferrer\">docs</a>")
			.contains("<code>code\n</code>");
	}

	@Test
	void linksTicketReferences() {
		assertThat(markdown.render("see #42")).contains("<a href=\"/tickets/42/\"");
	}

	@Test
	void linksEveryTicketReferenceInATextAndKeepsTheTextAround() {
		assertThat(markdown.render("see #1, *#2* and #3."))
			.isEqualToIgnoringNewLines("<p>see <a href=\"/tickets/1/\" rel=\"nofollow noopener noreferrer\">#1</a>, <em><a"
					+ " href=\"/tickets/2/\" rel=\"nofollow noopener noreferrer\">#2</a></em> and <a href=\"/tickets/3/\""
					+ " rel=\"nofollow noopener noreferrer\">#3</a>.</p>");
	}

	@Test
	void aLinkToAnAnchorStaysOneNormalLink() {
		assertThat(markdown.render("[x](#12)"))
			.isEqualToIgnoringNewLines("<p><a href=\"#12\" rel=\"nofollow noopener noreferrer\">x</a></p>");
	}

	@Test
	void aReferenceInsideALinkTextIsNotLinkedAgain() {
		assertThat(markdown.render("[see #12](https://example.com/a)"))
			.isEqualToIgnoringNewLines(
					"<p><a href=\"https://example.com/a\" rel=\"nofollow noopener noreferrer\">see #12</a></p>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "run `grep #12` first", "```\n#12\n```", "    indented #12", "<pre>\n#12\n</pre>" })
	void referencesInCodeAndHtmlBlocksAreNotLinked(String text) {
		assertThat(markdown.render(text)).contains("#12").doesNotContain("/tickets/12");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc#12", "https://example.com/#12", "##12", "#x12" })
	void hashesThatAreNotReferencesStayText(String text) {
		assertThat(markdown.render(text)).doesNotContain("/tickets/");
	}

	@Test
	void rendersTablesAndBlockQuotes() {
		String html = markdown.render("> which printers?\n\n| Printer | Floor |\n| :--- | ---: |\n| HP 4 | #7 |");

		assertThat(html).contains("<blockquote>\n<p>which printers?</p>\n</blockquote>", "<table>", "<thead>", "<tbody>", "<th align=\"left\">Printer</th>",
				"<td align=\"right\"><a href=\"/tickets/7/\"");
	}

	@Test
	void customersSeeTicketReferencesAsText() {
		assertThat(markdown.renderPublic("see #42")).doesNotContain("<a").contains("#42");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"[x](javascript:alert(1))", "[x](javascript:javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>",
			"<svg onload=alert(1)>", "<iframe src=\"https://evil.example\"></iframe>", "<p onclick=\"alert(1)\">hi</p>",
			"<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<style>body{display:none}</style>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>" })
	void hostileMarkupLosesEverythingThatCouldRun(String payload) {
		String html = markdown.render(payload).toLowerCase();

		assertThat(html).doesNotContain("<script", "onerror", "onload", "onclick", "javascript:", "<iframe", "<svg",
				"data:", "<style", "<img");
	}
}
