package org.helpdesk.web;

import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

	/**
	 * The language and time zone a person chose are kept in their session (set at sign-in and on the settings page);
	 * before that, the browser's preferred language among those we have, and UTC.
	 */
	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocaleFunction(WebConfiguration::browserLanguage);
		resolver.setDefaultTimeZone(TimeZone.getTimeZone("UTC"));
		return resolver;
	}

	/** The browser's preferred language among ours; English when it names none of them or says it in garbage. */
	static Locale browserLanguage(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
			return match == null ? Locale.ENGLISH : match;
		}
		catch (IllegalArgumentException unparseable) {
			// e.g. "en;q=2": a weight above 1 is no valid header, but no reason to fail the page
			return Locale.ENGLISH;
		}
	}
}
