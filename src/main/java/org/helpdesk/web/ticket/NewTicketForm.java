package org.helpdesk.web.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.attachment.Upload;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.OpenTicket;

/**
 * The new-ticket form as typed. Custom field values arrive as {@code custom_<name>} request parameters.
 */
public record NewTicketForm(String queue, String title, String description, String submitterEmail, String owner,
		String priority, String due) {

	static NewTicketForm blank(String queue) {
		return new NewTicketForm(queue, "", "", "", "", "3", "");
	}

	OpenTicket toOpenTicket(Map<String, String> parameters, ZoneId zone, List<Upload> uploads) {
		List<FieldProblem> problems = new ArrayList<>();
		Long queueId = TicketForms.id("queue", queue, problems);
		if (queueId == null && problems.isEmpty()) {
			problems.add(new FieldProblem("queue", "is required"));
		}
		Long ownerId = TicketForms.id("assigned_to", owner, problems);
		Integer prio = TicketForms.number("priority", priority, problems);
		Instant dueDate = TicketForms.dateTime("due_date", due, zone, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new OpenTicket(queueId, title, description, submitterEmail, ownerId, prio, dueDate, uploads,
				customValues(parameters));
	}

	/** {@code custom_<name>} parameters by name, as the ticket facade expects them. */
	static Map<String, String> customValues(Map<String, String> parameters) {
		Map<String, String> values = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("custom_")) {
				values.put(name.substring("custom_".length()), value);
			}
		});
		return values;
	}
}
