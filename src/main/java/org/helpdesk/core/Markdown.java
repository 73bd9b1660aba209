package org.helpdesk.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns what people typed (Markdown, possibly with HTML in it) into HTML that is safe to show: only an allowlist of
 * tags and attributes survives, links keep only http, https and mailto, and every link opens without a referrer.
 * Used for descriptions, comments and resolutions everywhere they are displayed.
 */
@Component("markdown")
public class Markdown {

	private static final Pattern TICKET_REFERENCE = Pattern.compile("(?<![\\w&/#])#(\\d{1,18})\\b");

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().softbreak("<br>").build();

	private final Safelist allowed = Safelist.relaxed()
		.removeTags("img")
		.removeProtocols("a", "href", "ftp")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addAttributes("a", "rel", "target")
		.preserveRelativeLinks(true);

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
		String html = renderer.render(parser.parse(markdown));
		// the base only lets relative links (ticket references) pass the protocol check; they stay relative
		Document dirty = Jsoup.parseBodyFragment(linkTickets ? linkTicketReferences(html) : html,
				"https://helpdesk.invalid/");
		Document clean = new Cleaner(allowed).clean(dirty);
		clean.select("a[href]").attr("rel", "nofollow noopener noreferrer");
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	/** Plain text without any markup, for mails and previews. */
	public String plain(String markdown) {
		return markdown == null ? "" : Jsoup.parse(render(markdown)).text();
	}

	private static String linkTicketReferences(String html) {
		Matcher m = TICKET_REFERENCE.matcher(html);
		return m.replaceAll(match -> "<a href=\"/tickets/" + match.group(1) + "/\">#" + match.group(1) + "</a>");
	}
}
