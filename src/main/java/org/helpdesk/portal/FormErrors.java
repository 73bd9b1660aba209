package org.helpdesk.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;

/**
 * The problems of a refused form, keyed by the form's own field names, for showing each next to its field.
 */
final class FormErrors {

	private FormErrors() {
	}

	static Map<String, String> none() {
		return Map.of();
	}

	static Map<String, String> of(InvalidInput invalid) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem problem : invalid.problems()) {
			errors.merge(formField(problem.field()), problem.reason(), (a, b) -> a + "; " + b);
		}
		return errors;
	}

	// the ticket facade names some fields as the APIs do
	private static String formField(String field) {
		return switch (field) {
			case "body" -> "description";
			case "submitter_email" -> "email";
			case "attachment" -> "attachments";
			case "message" -> "comment";
			default -> field;
		};
	}
}
