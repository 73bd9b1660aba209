package org.helpdesk.inbox;

import java.util.regex.Pattern;

/**
 * Body text made fit to store and show: line ends as {@code \n}, control characters other than tab and line feed
 * removed (a NUL in a body must not reach the database), and {@code format=flowed} (RFC 3676) soft line breaks
 * joined again, as the sender's client meant them.
 */
final class PlainText {

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private PlainText() {
	}

	static String of(String decoded, PartType type) {
		String text = clean(decoded);
		return "flowed".equalsIgnoreCase(type.format()) ? unflow(text, "yes".equalsIgnoreCase(type.delsp())) : text;
	}

	static String clean(String text) {
		return CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
	}

	/** Joins soft-broken lines of the same quote depth; quote marks of the joined lines are dropped. */
	private static String unflow(String text, boolean deleteSpace) {
		StringBuilder out = new StringBuilder(text.length());
		boolean open = false;
		int openDepth = 0;
		for (String line : text.split("\n", -1)) {
			int depth = 0;
			while (depth < line.length() && line.charAt(depth) == '>') {
				depth++;
			}
			String content = line.substring(depth);
			content = content.startsWith(" ") ? content.substring(1) : content;
			if (open && depth != openDepth) {
				out.append('\n');
			}
			if (!open || depth != openDepth) {
				out.append(">".repeat(depth)).append(depth > 0 ? " " : "");
			}
			boolean soft = content.endsWith(" ") && !content.equals("-- ");
			out.append(soft && deleteSpace ? content.substring(0, content.length() - 1) : content);
			open = soft;
			openDepth = depth;
			if (!soft) {
				out.append('\n');
			}
		}
		return out.toString();
	}
}
