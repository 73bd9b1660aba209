package org.helpdesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Links {@code #123} to the staff ticket page, working on the Markdown tree rather than on rendered HTML: only plain
 * text is looked at, so a reference inside code, inside a link (its text or its address) or inside an HTML block stays
 * as it was written.
 */
final class TicketReferences extends AbstractVisitor {

	// not after a word character, '/' or '#': "abc#1", "page/#2" and "##3" are not references
	private static final Pattern REFERENCE = Pattern.compile("(?<![\\w/#])#(\\d{1,18})\\b");

	private final List<Text> texts = new ArrayList<>();

	private TicketReferences() {
	}

	static void link(Node document) {
		TicketReferences finder = new TicketReferences();
		document.accept(finder);
		// changed after the walk: replacing nodes while visiting them would derail the visitor
		finder.texts.forEach(TicketReferences::linkIn);
	}

	@Override
	public void visit(Link link) {
		// a link's text is already a link: do not descend (code spans and code blocks have no Text children)
	}

	@Override
	public void visit(Text text) {
		if (REFERENCE.matcher(text.getLiteral()).find()) {
			texts.add(text);
		}
	}

	private static void linkIn(Text text) {
		String literal = text.getLiteral();
		Matcher m = REFERENCE.matcher(literal);
		int start = 0;
		while (m.find()) {
			if (m.start() > start) {
				text.insertBefore(new Text(literal.substring(start, m.start())));
			}
			Link link = new Link("/tickets/" + m.group(1) + "/", null);
			link.appendChild(new Text(m.group()));
			text.insertBefore(link);
			start = m.end();
		}
		text.setLiteral(literal.substring(start));
	}
}
