package org.helpdesk.restapi;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The bodies the ticket endpoints take, as records: the OpenAPI document shows them, and the controller takes the
 * names it accepts from them. It reads the fields one by one with {@link JsonFields} rather than binding these
 * records, to name every wrong field at once and to tell a field sent as null (clear it) from one left out.
 */
final class TicketRequests {

	private TicketRequests() {
	}

	record NewTicket(@Schema(description = "The queue's id, or its slug", example = "billing") String queue,
			String title, String description, String submitterEmail, Long assignedTo,
			@Schema(minimum = "1", maximum = "5") Integer priority, Instant dueDate,
			@Schema(description = "Values of custom fields by name") Map<String, String> customFields,
			List<String> ccs) {
	}

	@Schema(description = "Only the fields sent are changed; null clears due_date and assigned_to")
	record TicketChange(String title, String description, String submitterEmail,
			@Schema(description = "The queue's id, or its slug") String queue,
			@Schema(minimum = "1", maximum = "5") Integer priority, Instant dueDate, Long assignedTo, Boolean onHold,
			@Schema(allowableValues = { "open", "reopened", "resolved", "closed", "duplicate" }) String status) {
	}

	@Schema(description = "comment is required unless new_status is given")
	record NewFollowUp(String comment, @JsonProperty("public") Boolean isPublic,
			@Schema(allowableValues = { "open", "reopened", "resolved", "closed", "duplicate" }) String newStatus,
			@Schema(minimum = "0", maximum = "31536000") Long timeSpentSeconds) {
	}

	/** The JSON names of a request record's fields: snake_case, or as {@link JsonProperty} says. */
	static Set<String> fieldsOf(Class<? extends Record> request) {
		return Arrays.stream(request.getRecordComponents()).map(component -> {
			// JsonProperty does not target record components: Java puts it on the accessor (among others)
			JsonProperty named = component.getAccessor().getAnnotation(JsonProperty.class);
			return named != null ? named.value()
					: component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
		}).collect(Collectors.toUnmodifiableSet());
	}
}
