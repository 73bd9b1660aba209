package org.helpdesk.inbox;

import java.util.Locale;
import java.util.Map;

/**
 * Safe file names for the parts of a message: no directory parts, no control or bidi-override characters, no
 * leading dots, at most {@value #LONGEST} characters (the extension kept), and never blank ({@code part-<n><ext>},
 * the extension guessed from the content type).
 */
final class AttachmentNames {

	static final int LONGEST = 150;

	private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("text/plain", ".txt"),
			Map.entry("text/html", ".html"), Map.entry("text/calendar", ".ics"), Map.entry("text/csv", ".csv"),
			Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("image/gif", ".gif"),
			Map.entry("image/webp", ".webp"), Map.entry("application/pdf", ".pdf"),
			Map.entry("message/rfc822", ".eml"), Map.entry("message/global", ".eml"),
			Map.entry("message/delivery-status", ".txt"), Map.entry("text/rfc822-headers", ".txt"),
			Map.entry("message/disposition-notification", ".txt"), Map.entry("application/ms-tnef", ".dat"),
			Map.entry("application/zip", ".zip"), Map.entry("application/msword", ".doc"));

	private AttachmentNames() {
	}

	/** The name to store {@code declared} under; {@code index} numbers the part within the message (1-based). */
	static String sanitise(String declared, int index, String contentType) {
		String name = declared == null ? "" : HeaderText.decodeWords(TextDecoder.rereadHeader(declared));
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").replaceAll("[<>:\"|?*]", "_").strip();
		name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
		if (name.isEmpty()) {
			return "part-" + index + extensionFor(contentType);
		}
		return bounded(name);
	}

	static String extensionFor(String contentType) {
		return EXTENSIONS.getOrDefault(contentType.toLowerCase(Locale.ROOT), ".bin");
	}

	/** Cut to {@link #LONGEST} characters, keeping a short extension and never splitting a surrogate pair. */
	private static String bounded(String name) {
		if (name.codePointCount(0, name.length()) <= LONGEST) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
		int keep = name.offsetByCodePoints(0, LONGEST - extension.length());
		return name.substring(0, keep).strip() + extension;
	}
}
