package org.helpdesk.web;

import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Preferences;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts a person's chosen language and time zone into their session.
 */
@Component
public class Preferred {

	private final LocaleResolver resolver;

	Preferred(LocaleResolver resolver) {
		this.resolver = resolver;
	}

	public void apply(HttpServletRequest request, HttpServletResponse response, Preferences preferences) {
		Locale locale = preferences.language() == null ? WebConfiguration.browserLanguage(request)
				: Locale.forLanguageTag(preferences.language());
		TimeZone zone = TimeZone.getTimeZone(preferences.timeZone() == null ? "UTC" : preferences.timeZone());
		((LocaleContextResolver) resolver).setLocaleContext(request, response,
				new SimpleTimeZoneAwareLocaleContext(locale, zone));
	}
}
