package org.helpdesk.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeUtility;

/**
 * Turns bytes into text whatever the mail claims about them. Real mail is often mislabelled: {@code us-ascii} or
 * {@code iso-8859-1} carrying UTF-8, {@code windows-1252} quotes labelled {@code iso-8859-1}, 8-bit text with no
 * charset, names Java does not know. For those, bytes that are valid UTF-8 are read as UTF-8, else as
 * windows-1252 (which decodes every byte, so no text is lost). Never throws.
 */
final class TextDecoder {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** Names seen in mail that Java does not know, or knows only as a narrower set than what is really sent. */
	private static final Map<String, String> ALIASES = Map.of("gb2312", "GB18030", "gbk", "GB18030", "x-gbk",
			"GB18030", "ks_c_5601-1987", "x-windows-949", "iso-8859-8-i", "ISO-8859-8", "utf8", "UTF-8", "latin1",
			"ISO-8859-1", "ansi_x3.4-1968", "US-ASCII", "cp1252", "windows-1252");

	/** Labels that are too often wrong to be trusted when the bytes say otherwise. */
	private static final Set<String> UNTRUSTED = Set.of("US-ASCII", "ISO-8859-1", "windows-1252", "ISO-8859-15",
			"UTF-8");

	/** Labels whose non-UTF-8 bytes are read as windows-1252, the superset senders really meant. */
	private static final Set<String> WIDENED = Set.of("US-ASCII", "ISO-8859-1", "UTF-8");

	private TextDecoder() {
	}

	/** The text of {@code bytes} declared as {@code declaredCharset} (may be null, unknown or wrong). */
	static String decode(byte[] bytes, String declaredCharset) {
		Charset declared = charsetOf(declaredCharset);
		String text;
		if (declared == null || UNTRUSTED.contains(declared.name())) {
			text = looksLikeUtf8(bytes) ? lenient(bytes, StandardCharsets.UTF_8)
					: new String(bytes, declared == null || WIDENED.contains(declared.name()) ? WINDOWS_1252 : declared);
		}
		else {
			text = lenient(bytes, declared);
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/**
	 * A header value as Jakarta Mail hands it over (one char per raw byte) read again as text: raw UTF-8 in
	 * headers (common, though not allowed without SMTPUTF8) becomes readable, any other 8-bit byte windows-1252.
	 */
	static String rereadHeader(String value) {
		if (value == null) {
			return null;
		}
		byte[] bytes = new byte[value.length()];
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0xFF) {
				return value;
			}
			bytes[i] = (byte) c;
		}
		return decode(bytes, null);
	}

	/** Java's charset for a MIME charset name, or null when there is none or it is unknown. */
	static Charset charsetOf(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String clean = name.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
		String javaName = ALIASES.getOrDefault(clean, MimeUtility.javaCharset(clean));
		try {
			return Charset.forName(javaName);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	/**
	 * Whether the bytes read as UTF-8: ASCII only, or at least as many valid multi-byte sequences as broken bytes
	 * (one cut sequence in a long UTF-8 text should not turn all of it into windows-1252).
	 */
	static boolean looksLikeUtf8(byte[] bytes) {
		int valid = 0;
		int broken = 0;
		int i = 0;
		while (i < bytes.length) {
			int b = bytes[i] & 0xFF;
			int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
			if (length == 1) {
				i++;
			}
			else if (length > 1 && continues(bytes, i, length)) {
				valid++;
				i += length;
			}
			else {
				broken++;
				i++;
			}
		}
		return broken == 0 || valid > broken * 4;
	}

	private static boolean continues(byte[] bytes, int start, int length) {
		if (start + length > bytes.length) {
			return false;
		}
		for (int k = 1; k < length; k++) {
			if ((bytes[start + k] & 0xC0) != 0x80) {
				return false;
			}
		}
		return true;
	}

	private static String lenient(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException | RuntimeException e) {
			return new String(bytes, WINDOWS_1252);
		}
	}
}
