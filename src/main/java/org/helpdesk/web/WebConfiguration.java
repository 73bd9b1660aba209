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

	static Locale browserLanguage(HttpServletRequest request) {
		var ranges = java.util.Locale.LanguageRange.parse(
				request.getHeader("Accept-Language") == null ? "en" : request.getHeader("Accept-Language"));
		Locale match = Locale.lookup(ranges, LANGUAGES);
		return match == null ? Locale.ENGLISH : match;
	}
}
