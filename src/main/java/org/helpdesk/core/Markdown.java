package org.helpdesk.core;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns what people typed (Markdown, possibly with HTML in it) into HTML that is safe to show: only an allowlist of
 * tags and attributes survives, links keep only http, https and mailto, and every link opens without a referrer.
 * Tables (GitHub style) and block quotes render. Used for descriptions, comments and resolutions everywhere they
 * are displayed.
 */
@Component("markdown")
public class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).softbreak("<br>").build();

	private final Safelist allowed = Safelist.relaxed()
		.removeTags("img")
		.removeProtocols("a", "href", "ftp")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addAttributes("a", "rel", "target")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.preserveRelativeLinks(true);

	// the same allowlist for HTML that came by mail, but its relative links are dropped: they would point at us
	private final Safelist mailed = Safelist.relaxed()
		.removeTags("img")
		.removeProtocols("a", "href", "ftp")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addAttributes("a", "rel", "target")
		.addAttributes("th", "align")
		.addAttributes("td", "align");

	/**
	 * HTML someone else wrote (the body of an inbound mail) through the same allowlist: scripts, event handlers,
	 * styles, forms, frames and images (remote or not) are removed, links keep only http, https and mailto and open
	 * without a referrer. Empty for null.
	 */
	public String cleanHtml(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document clean = new Cleaner(mailed).clean(Jsoup.parse(html, ""));
		clean.select("a[href]").attr("rel", "nofollow noopener noreferrer");
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	/** Safe HTML for the given Markdown, with {@code #123} linked to the staff ticket page; empty for null. */
	public String render(String markdown) {
		return clean(markdown, true);
	}

	/** Safe HTML for customers: the same, but without links to staff pages. */
	public String renderPublic(String markdown) {
		return clean(markdown, false);
	}

	private String clean(String markdown, boolean linkTickets) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		Node document;
		try {
			document = parser.parse(markdown);
		}
		catch (StackOverflowError tooDeep) {
			// the parser merges nested emphasis ("***…") recursively; it is not ours to change, and the text is hostile
			return asText(markdown);
		}
		if (deeperThan(document, MAX_DEPTH)) {
			return asText(markdown);
		}
		if (linkTickets) {
			TicketReferences.link(document);
		}
		// the base only lets relative links (ticket references) pass the protocol check; they stay relative
		Document dirty = Jsoup.parseBodyFragment(renderer.render(document), "https://helpdesk.invalid/");
		Document clean = new Cleaner(allowed).clean(dirty);
		clean.select("a[href]").attr("rel", "nofollow noopener noreferrer");
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	/**
	 * Quotes, lists and emphasis nest as deep as someone types them ({@code "> > > …"}), and rendering walks the tree
	 * recursively: thousands of levels overflowed the stack and made the ticket page, the customer's page and the
	 * mails fail for everybody. No person nests a hundred levels, so such a text is shown as typed.
	 */
	static final int MAX_DEPTH = 100;

	// walks the tree without recursion, for the same reason
	private static boolean deeperThan(Node root, int limit) {
		int depth = 0;
		Node node = root;
		while (true) {
			if (node.getFirstChild() != null) {
				node = node.getFirstChild();
				if (++depth > limit) {
					return true;
				}
				continue;
			}
			while (node != root && node.getNext() == null) {
				node = node.getParent();
				depth--;
			}
			if (node == root) {
				return false;
			}
			node = node.getNext();
		}
	}

	private static String asText(String markdown) {
		return "<p>" + Entities.escape(markdown).replace("\n", "<br>") + "</p>";
	}

	/** Plain text without any markup, for mails and previews. */
	public String plain(String markdown) {
		return markdown == null ? "" : Jsoup.parse(render(markdown)).text();
	}
}
