package org.helpdesk.inbox;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Plain text of an HTML mail body, for mail that has no plain part: paragraphs and line breaks kept, list items as
 * "- ", links as "text (url)", {@code <blockquote>} as "> " lines (so quoted history folds like in plain mail);
 * scripts, styles and the head are dropped. The HTML itself is never shown raw.
 */
final class HtmlText {

	private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript",
			"object", "embed", "iframe", "svg", "math");

	private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
			"table", "tr", "blockquote", "pre", "hr", "dl", "dt", "dd", "section", "article", "header", "footer",
			"address", "center", "form", "fieldset", "figure", "main", "nav", "aside", "body");

	private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
			"blockquote", "pre", "dl");

	private HtmlText() {
	}

	static String toText(String html) {
		Writer out = new Writer();
		Jsoup.parse(html).body().filter(out);
		return out.text();
	}

	/** Walks the tree once, writing lines; jsoup's traversal is iterative, so deep nesting cannot overflow. */
	private static final class Writer implements NodeFilter {

		private final StringBuilder text = new StringBuilder();

		private int quoteDepth;

		private int preDepth;

		private boolean lineStart = true;

		private boolean spacePending;

		@Override
		public FilterResult head(Node node, int depth) {
			if (node instanceof TextNode textNode) {
				write(preDepth > 0 ? textNode.getWholeText() : textNode.text());
			}
			else if (node instanceof Element element) {
				String tag = element.normalName();
				if (SKIPPED.contains(tag)) {
					return FilterResult.SKIP_ENTIRELY;
				}
				opening(tag);
			}
			return FilterResult.CONTINUE;
		}

		@Override
		public FilterResult tail(Node node, int depth) {
			if (node instanceof Element element) {
				closing(element);
			}
			return FilterResult.CONTINUE;
		}

		private void opening(String tag) {
			switch (tag) {
				case "br" -> newLine();
				case "blockquote" -> {
					blankLine();
					quoteDepth++;
				}
				case "pre" -> {
					blankLine();
					preDepth++;
				}
				case "li" -> {
					newLine();
					write("- ");
				}
				case "td", "th" -> spacePending = !lineStart;
				default -> {
					if (PARAGRAPHS.contains(tag)) {
						blankLine();
					}
					else if (BLOCKS.contains(tag)) {
						newLine();
					}
				}
			}
		}

		private void closing(Element element) {
			String tag = element.normalName();
			if (tag.equals("a")) {
				String href = element.attr("href").strip();
				String label = element.text().strip();
				boolean mailto = href.regionMatches(true, 0, "mailto:", 0, 7);
				String target = mailto ? href.substring(7) : href;
				boolean readable = mailto || href.regionMatches(true, 0, "http://", 0, 7)
						|| href.regionMatches(true, 0, "https://", 0, 8);
				if (readable && !target.equalsIgnoreCase(label)) {
					write(label.isEmpty() ? target : " (" + target + ")");
				}
			}
			else if (tag.equals("img") && !element.attr("alt").isBlank()) {
				write("[" + element.attr("alt").strip() + "]");
			}
			if (tag.equals("blockquote")) {
				quoteDepth = Math.max(0, quoteDepth - 1);
			}
			if (tag.equals("pre")) {
				preDepth = Math.max(0, preDepth - 1);
			}
			if (PARAGRAPHS.contains(tag)) {
				blankLine();
			}
			else if (BLOCKS.contains(tag)) {
				newLine();
			}
		}

		private void write(String value) {
			String[] lines = value.replace('\u00A0', ' ').split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				if (i > 0) {
					newLine();
				}
				String part = preDepth > 0 ? lines[i] : lines[i].replaceAll("\\s+", " ");
				if (part.isEmpty()) {
					continue;
				}
				if (preDepth == 0 && part.startsWith(" ")) {
					spacePending = !lineStart;
					part = part.substring(1);
				}
				if (part.isEmpty()) {
					continue;
				}
				if (lineStart) {
					text.append("> ".repeat(quoteDepth));
				}
				else if (spacePending) {
					text.append(' ');
				}
				boolean trailing = preDepth == 0 && part.endsWith(" ");
				text.append(trailing ? part.substring(0, part.length() - 1) : part);
				spacePending = trailing;
				lineStart = false;
			}
		}

		private void newLine() {
			if (!lineStart) {
				text.append('\n');
			}
			lineStart = true;
			spacePending = false;
		}

		private void blankLine() {
			newLine();
			int length = text.length();
			if (length > 0 && !(length >= 2 && text.charAt(length - 1) == '\n' && text.charAt(length - 2) == '\n')) {
				text.append('\n');
			}
		}

		String text() {
			return text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
		}
	}
}
