package org.helpdesk.web;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts the facades' reasons for refusing an input into the reader's language. The facades word their reasons in
 * English for API clients; the reasons they are known to give have a message key here ({@code reason.*}), and any
 * other reason is shown as it came, so that a new rule in a facade is never hidden. Pages call it as
 * {@code @reasons}.
 */
@Component("reasons")
public class Reasons {

	private static final Map<String, String> EXACT = Map.ofEntries(Map.entry("is required", "required"),
			Map.entry("is already used by another queue", "slugTaken"),
			Map.entry("must be at most 50 lower-case letters and digits, separated by single - or _", "slugShape"),
			Map.entry("is not a valid e-mail address", "email"), Map.entry("must be between 0 and 3650", "escalateDays"),
			Map.entry("must be a language tag such as en or de-CH", "locale"),
			Map.entry("must be the id of an active agent", "defaultOwner"), Map.entry("is already taken", "usernameTaken"),
			Map.entry("must be 1-150 letters, digits or . @ + _ - characters", "usernameShape"),
			Map.entry("must be at least 8 characters", "passwordShort"),
			Map.entry("must be at most 72 bytes", "passwordLong"), Map.entry("is not valid UTF-8 text", "damaged"),
			Map.entry("contains control characters", "control"), Map.entry("must be one of admin, agent, user", "role"),
			Map.entry("must be the id of an active agent with access to the queue", "ownerAccess"),
			Map.entry("must be an active agent with access to the queue", "ownerAccess"),
			Map.entry("must be an integer from 1 (critical) to 5 (very low)", "priority"),
			Map.entry("no such queue", "noSuchQueue"), Map.entry("must be one of the queues offered", "queueOffered"),
			Map.entry("must be between 0 and 365 days", "timeSpent"),
			Map.entry("a ticket cannot depend on itself", "dependsOnSelf"),
			Map.entry("that ticket already depends on this one", "dependsBack"),
			Map.entry("a ticket cannot be merged into itself", "mergeSelf"),
			Map.entry("this ticket was already merged", "alreadyMerged"),
			Map.entry("is too long to save", "tooLongToSave"),
			Map.entry("must be one of imap, pop3, local or empty", "mailboxType"),
			Map.entry("must be a host name or IP address", "host"), Map.entry("must be between 1 and 65535", "port"),
			Map.entry("must be an absolute path", "absolutePath"),
			Map.entry("must be between 10 and 86400 seconds", "mailboxInterval"),
			Map.entry("must be a date such as 2026-12-24", "date"),
			Map.entry("must be a day of the week such as saturday", "weekday"),
			Map.entry("must be a whole number from 1 to 104", "weekCount"),
			Map.entry("must not contain spaces or control characters", "urlSpaces"),
			Map.entry("is not a valid URL", "url"), Map.entry("must be an http or https URL", "urlScheme"),
			Map.entry("must not contain a user name or password", "urlCredentials"),
			Map.entry("must name a host", "urlHost"), Map.entry("has an invalid port", "urlPort"),
			Map.entry("has a host name that does not resolve", "urlUnresolved"),
			Map.entry("must be ids of existing queues", "queueIds"),
			Map.entry("must be 16 to 200 printable ASCII characters without spaces", "webhookSecret"));

	private static final Map<Pattern, String> PATTERNS = Map.of(Pattern.compile("must be at most (\\d+) characters"),
			"tooLong", Pattern.compile("'(.*)' is not a valid e-mail address"), "emailIn",
			Pattern.compile("unknown queue ids .*"), "unknownQueues",
			Pattern.compile("points to a loopback, private, link-local or otherwise internal address \\(([^)]*)\\).*"),
			"urlInternal", Pattern.compile("must be kinds of change: (.*)"), "eventKinds");

	private final MessageSource messages;

	Reasons(MessageSource messages) {
		this.messages = messages;
	}

	/** The reason in the language of the current request. */
	public String translate(String reason) {
		return translate(reason, LocaleContextHolder.getLocale());
	}

	public String translate(String reason, Locale locale) {
		String key = EXACT.get(reason);
		if (key != null) {
			return messages.getMessage("reason." + key, null, reason, locale);
		}
		for (var entry : PATTERNS.entrySet()) {
			Matcher m = entry.getKey().matcher(reason);
			if (m.matches()) {
				Object[] args = m.groupCount() > 0 ? new Object[] { m.group(1) } : new Object[0];
				return messages.getMessage("reason." + entry.getValue(), args, reason, locale);
			}
		}
		return reason;
	}
}
