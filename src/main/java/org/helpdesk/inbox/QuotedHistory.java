package org.helpdesk.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the sender wrote this time: the text with quoted history and the signature folded away. Cut at the first
 * "-- " signature delimiter, "On … wrote:" (and its German, French, Spanish, Dutch, Italian forms), "-----Original
 * Message-----" or an Outlook "From: / Sent: / To: / Subject:" block; then lines starting with "&gt;" are dropped.
 * A forwarded message ("---------- Forwarded message ----------") is content, not history: nothing after its
 * marker is cut. When folding leaves nothing, the whole text is the answer. Plain string tests on bounded lines,
 * so no input can make it slow.
 */
final class QuotedHistory {

	private static final int LONGEST_HEADER = 400;

	private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
			"^-{3,}\\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|oorspronkelijk bericht|messaggio originale)\\s*-{3,}$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern FORWARD_MARKER = Pattern.compile(
			"^(-{3,}\\s*(forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado)\\s*-{3,}|begin forwarded message:|anfang der weitergeleiteten nachricht:)$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** "On … wrote:" per language: how the line starts and a word it contains before the closing colon. */
	private static final String[][] ATTRIBUTIONS = { { "on ", "wrote" }, { "am ", "schrieb" }, { "le ", "a écrit" },
			{ "el ", "escribió" }, { "op ", "schreef" }, { "il ", "ha scritto" } };

	private static final String[] FROM = { "from:", "von:", "de:", "de :", "van:" };

	private static final String[] SENT = { "sent:", "date:", "gesendet:", "datum:", "envoyé :", "envoyé:", "enviado:",
			"verzonden:" };

	private static final String[] TO_OR_SUBJECT = { "to:", "an:", "à :", "à:", "para:", "aan:", "subject:",
			"betreff:", "objet :", "objet:", "asunto:", "onderwerp:" };

	private QuotedHistory() {
	}

	static String fold(String text) {
		String[] lines = text.split("\n", -1);
		int cut = cutAt(lines);
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < cut; i++) {
			if (!lines[i].startsWith(">")) {
				kept.add(lines[i]);
			}
		}
		String folded = String.join("\n", kept).replaceAll("\\n{3,}", "\n\n").strip();
		return folded.isEmpty() ? text : folded;
	}

	private static int cutAt(String[] lines) {
		for (int i = 0; i < lines.length; i++) {
			String raw = lines[i];
			if (raw.equals("-- ") || raw.equals("--")) {
				return i;
			}
			String line = plain(raw);
			if (line.isEmpty() || raw.startsWith(">") || line.length() > LONGEST_HEADER) {
				continue;
			}
			if (FORWARD_MARKER.matcher(line).matches()) {
				return lines.length;
			}
			if (ORIGINAL_MESSAGE.matcher(line).matches() || attribution(line, i + 1 < lines.length ? lines[i + 1] : "")
					|| outlookHeader(lines, i) || (line.matches("_{10,}") && outlookHeader(lines, nextFilled(lines, i)))) {
				return i;
			}
		}
		return lines.length;
	}

	/** A line without the "*bold*" marks plain-text converters put around Outlook's header names. */
	private static String plain(String line) {
		return line.strip().replace("*", "").toLowerCase(Locale.ROOT);
	}

	private static boolean attribution(String line, String next) {
		for (String[] form : ATTRIBUTIONS) {
			if (line.startsWith(form[0])) {
				String joined = line.endsWith(":") ? line : line + " " + plain(next);
				int word = joined.indexOf(form[1]);
				return word > 0 && joined.endsWith(":") && joined.length() <= LONGEST_HEADER * 2;
			}
		}
		return false;
	}

	/** "From: …" followed within five lines by "Sent:"/"Date:" and by "To:" or "Subject:". */
	private static boolean outlookHeader(String[] lines, int from) {
		if (from >= lines.length || !startsWithAny(plain(lines[from]), FROM)) {
			return false;
		}
		boolean sent = false;
		boolean addressed = false;
		for (int i = from + 1; i < Math.min(lines.length, from + 6); i++) {
			String line = plain(lines[i]);
			sent |= startsWithAny(line, SENT);
			addressed |= startsWithAny(line, TO_OR_SUBJECT);
		}
		return sent && addressed;
	}

	private static int nextFilled(String[] lines, int from) {
		int i = from + 1;
		while (i < lines.length && lines[i].isBlank()) {
			i++;
		}
		return i;
	}

	private static boolean startsWithAny(String line, String[] prefixes) {
		for (String prefix : prefixes) {
			if (line.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
