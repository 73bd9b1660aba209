package org.helpdesk.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

	private final Markdown markdown = new Markdown();

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
