package org.helpdesk.web;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook facade's reasons reach a German administrator in German: each one the facade gives (in English, for
 * API clients) has a translation, and the details it carries (an address, the kinds) survive the translation.
 */
class ReasonsTest {

	private final Reasons reasons = new Reasons(messages());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages/common");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@ParameterizedTest
	@ValueSource(strings = { "must not contain spaces or control characters", "is not a valid URL",
			"must be an http or https URL", "must not contain a user name or password", "must name a host",
			"has an invalid port", "has a host name that does not resolve", "must be ids of existing queues",
			"must be 16 to 200 printable ASCII characters without spaces" })
	void everyReasonOfTheWebhookFormIsTranslated(String reason) {
		assertThat(reasons.translate(reason, Locale.ENGLISH)).isEqualTo(reason);
		assertThat(reasons.translate(reason, Locale.GERMAN)).isNotEqualTo(reason).doesNotContain("must");
	}

	@ParameterizedTest
	@ValueSource(strings = { "points to a loopback, private, link-local or otherwise internal address (10.0.0.7); "
			+ "set helpdesk.webhooks.allow-private-targets=true to allow it" })
	void anInternalTargetKeepsItsAddressInEitherLanguage(String reason) {
		assertThat(reasons.translate(reason, Locale.GERMAN)).startsWith("zeigt auf eine interne Adresse (10.0.0.7)");
		assertThat(reasons.translate(reason, Locale.ENGLISH)).contains("(10.0.0.7)")
			.contains("helpdesk.webhooks.allow-private-targets");
	}

	@ParameterizedTest
	@ValueSource(strings = { "must be kinds of change: created, updated" })
	void theKindsOfChangeAreListedInGerman(String reason) {
		assertThat(reasons.translate(reason, Locale.GERMAN)).isEqualTo("müssen Arten von Änderungen sein: created, updated");
	}
}
