package org.helpdesk.ticketlist;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How keyword search cuts text into words: letters and digits of any script, in lower case (NFKC, so that the
 * different ways to write the same letter are one), everything else separates. The index and the search box cut
 * text the same way, so "Flux-Capacitor" finds "flux capacitor" and "FLUX_capacitor".
 */
public final class Words {

	/** Longer words are kept to their first characters, in the index and in a search alike. */
	public static final int MAX_LENGTH = 40;

	/** A huge mail still adds at most this many distinct words to its ticket. */
	static final int MAX_PER_TEXT = 5000;

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Words() {
	}

	/** The distinct words of these texts (nulls are skipped), in the order they first occur. */
	public static Set<String> of(String... texts) {
		Set<String> words = new LinkedHashSet<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
			for (String word : SEPARATORS.split(normal)) {
				if (words.size() >= MAX_PER_TEXT) {
					return words;
				}
				if (!word.isEmpty()) {
					words.add(shortened(word));
				}
			}
		}
		return words;
	}

	private static String shortened(String word) {
		if (word.length() <= MAX_LENGTH) {
			return word;
		}
		int end = Character.isHighSurrogate(word.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
		return word.substring(0, end);
	}
}
