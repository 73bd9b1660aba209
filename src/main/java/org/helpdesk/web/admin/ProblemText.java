package org.helpdesk.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.web.Reasons;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The facades' field problems for an admin form, in the reader's language (see {@link Reasons}), with the two
 * reasons only these forms give.
 */
@Component
class ProblemText {

	private static final Map<String, String> FORM_ONLY = Map.of(QueueForm.NOT_A_NUMBER, "number",
			UserForm.NO_SUCH_QUEUE, "unknownQueues");

	private final MessageSource messages;

	private final Reasons reasons;

	ProblemText(MessageSource messages, Reasons reasons) {
		this.messages = messages;
		this.reasons = reasons;
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
		String key = FORM_ONLY.get(reason);
		return key != null ? messages.getMessage("reason." + key, null, reason, locale) : reasons.translate(reason, locale);
	}
}
