package org.helpdesk.web.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.helpdesk.core.Conflict;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.IllegalStatusChange;
import org.helpdesk.ticket.OpenDependencies;
import org.helpdesk.ticket.TicketChangedConcurrently;
import org.helpdesk.web.Reasons;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Says on a re-rendered form, in the reader's language, why nothing was saved: {@code problems} (and {@code errors}
 * by field) for invalid input, {@code conflict} for a refusal of the ticket's rules.
 */
@Component
class Refusals {

	private final MessageSource messages;

	private final Reasons reasons;

	Refusals(MessageSource messages, Reasons reasons) {
		this.messages = messages;
		this.reasons = reasons;
	}

	void describe(RuntimeException failure, Model model) {
		if (failure instanceof InvalidInput invalid) {
			List<FieldProblem> problems = invalid.problems().stream()
				.map(p -> new FieldProblem(p.field(), reasons.translate(p.reason())))
				.toList();
			Map<String, String> byField = new LinkedHashMap<>();
			problems.forEach(p -> byField.merge(p.field(), p.reason(), (a, b) -> a + "; " + b));
			model.addAttribute("problems", problems);
			model.addAttribute("errors", byField);
		}
		else if (failure instanceof Conflict conflict) {
			model.addAttribute("conflict", text(conflict));
		}
		else {
			throw failure;
		}
	}

	private String text(Conflict conflict) {
		Locale locale = LocaleContextHolder.getLocale();
		if (conflict instanceof TicketChangedConcurrently) {
			return messages.getMessage("ticket.error.stale", null, locale);
		}
		if (conflict instanceof IllegalStatusChange) {
			return messages.getMessage("ticket.error.transition", null, locale);
		}
		if (conflict instanceof OpenDependencies) {
			return messages.getMessage("ticket.error.dependencies", null, locale);
		}
		return messages.getMessage("ticket.error.conflict", new Object[] { conflict.getMessage() }, locale);
	}
}
