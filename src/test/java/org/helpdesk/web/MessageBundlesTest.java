package org.helpdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in English and German, with the same placeholders: a page never shows a key or a half-translated
 * sentence.
 */
class MessageBundlesTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

	@ParameterizedTest
	@ValueSource(strings = { "common", "list", "ticketpage", "portal", "admin" })
	void germanHasExactlyTheKeysAndPlaceholdersOfEnglish(String bundle) throws IOException {
		Properties english = load("messages/" + bundle + ".properties");
		Properties german = load("messages/" + bundle + "_de.properties");

		assertThat(german.stringPropertyNames()).as("keys of %s_de", bundle)
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			assertThat(placeholders(german.getProperty(key))).as("placeholders of %s in %s_de", key, bundle)
				.isEqualTo(placeholders(english.getProperty(key)));
			assertThat(german.getProperty(key)).as("%s in %s_de", key, bundle).isNotBlank();
		}
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
