package org.helpdesk.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.core.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts the facades' field problems into the reader's language. The facades word their reasons in English for API
 * clients; the reasons they are known to give have a translation here, and any other reason is shown as it came,
 * so a new rule in a facade is never hidden.
 */
@Component
class ProblemText {

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
			Map.entry(QueueForm.NOT_A_NUMBER, "number"), Map.entry(UserForm.NO_SUCH_QUEUE, "unknownQueues"));

	private static final Map<Pattern, String> PATTERNS = Map.of(Pattern.compile("must be at most (\\d+) characters"),
			"tooLong", Pattern.compile("'(.*)' is not a valid e-mail address"), "emailIn",
			Pattern.compile("unknown queue ids .*"), "unknownQueues");

	private final MessageSource messages;

	ProblemText(MessageSource messages) {
		this.messages = messages;
	}

	FormProblems describe(List<FieldProblem> problems, Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		List<String> summary = new java.util.ArrayList<>();
		for (FieldProblem problem : problems) {
			String reason = reason(problem.reason(), locale);
			byField.merge(problem.field(), reason, (a, b) -> a + " " + b);
			String label = messages.getMessage("admin.field." + problem.field(), null, problem.field(), locale);
			summary.add(label + ": " + reason);
		}
		return new FormProblems(byField, summary);
	}

	private String reason(String reason, Locale locale) {
		String key = EXACT.get(reason);
		if (key != null) {
			return messages.getMessage("admin.reason." + key, null, reason, locale);
		}
		for (var entry : PATTERNS.entrySet()) {
			Matcher m = entry.getKey().matcher(reason);
			if (m.matches()) {
				Object[] args = m.groupCount() > 0 ? new Object[] { m.group(1) } : new Object[0];
				return messages.getMessage("admin.reason." + entry.getValue(), args, reason, locale);
			}
		}
		return reason;
	}
}
