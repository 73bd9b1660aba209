package org.helpdesk.inbox;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable text of a header value: raw 8-bit bytes re-read ({@link TextDecoder#rereadHeader}), RFC 2047 encoded
 * words decoded, folding and control characters (NUL, CR, LF, tabs) turned into single spaces.
 * <p>
 * Encoded words are decoded here rather than by {@code MimeUtility.decodeText} because real mail splits one UTF-8
 * character across two adjacent words (their bytes must be joined before decoding) and names charsets Java does not
 * know (decoded by {@link TextDecoder}'s fallback instead of being left encoded).
 */
final class HeaderText {

	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]{1,40})\\?([bBqQ])\\?([^?\\s]*)\\?=");

	private static final Pattern NOISE = Pattern.compile("[\\p{Cntrl}\\s]+");

	private HeaderText() {
	}

	/** The decoded, single-line text of a raw header value; "" for null. */
	static String decode(String raw) {
		if (raw == null) {
			return "";
		}
		return decodeText(TextDecoder.rereadHeader(raw));
	}

	/** Like {@link #decode} for a value that is already text (a display name Jakarta Mail parsed out). */
	static String decodeText(String text) {
		return NOISE.matcher(decodeWords(NOISE.matcher(text).replaceAll(" "))).replaceAll(" ").strip();
	}

	/** Decodes the encoded words in {@code text}; whitespace between two adjacent words is dropped (RFC 2047 §6.2). */
	static String decodeWords(String text) {
		if (!text.contains("=?")) {
			return text;
		}
		Matcher word = ENCODED_WORD.matcher(text);
		StringBuilder out = new StringBuilder();
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		String pendingCharset = null;
		int last = 0;
		while (word.find()) {
			String between = text.substring(last, word.start());
			String charset = word.group(1).replaceFirst("\\*.*$", "");
			byte[] bytes = bytesOf(word.group(2), word.group(3));
			if (bytes == null) {
				continue;
			}
			boolean adjacent = pendingCharset != null && between.isBlank();
			if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
				flush(out, pending, pendingCharset);
				if (!adjacent) {
					out.append(between);
				}
			}
			pending.writeBytes(bytes);
			pendingCharset = charset;
			last = word.end();
		}
		flush(out, pending, pendingCharset);
		return out.append(text, last, text.length()).toString();
	}

	private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
		if (pending.size() > 0) {
			out.append(TextDecoder.decode(pending.toByteArray(), charset));
			pending.reset();
		}
	}

	/** The bytes of one encoded word's text, or null when it is not decodable (it then stays as written). */
	private static byte[] bytesOf(String encoding, String text) {
		if (encoding.equalsIgnoreCase("B")) {
			String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
			if (clean.length() % 4 == 1) {
				clean = clean.substring(0, clean.length() - 1);
			}
			try {
				return Base64.getDecoder().decode(clean + "==".substring(0, (4 - clean.length() % 4) % 4));
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '_') {
				bytes.write(' ');
			}
			else if (c == '=' && isHex(text, i + 1) && isHex(text, i + 2)) {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toByteArray();
	}

	private static boolean isHex(String text, int index) {
		return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
	}
}
