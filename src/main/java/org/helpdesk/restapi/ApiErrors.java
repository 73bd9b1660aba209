package org.helpdesk.restapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The error answers of every operation in the OpenAPI document, all RFC 9457 problem details ({@code Problem}): the
 * ones every request may get (401, 403, 429) and those that follow from the operation's shape (400 for input, 404
 * for a resource in the path, 412 for {@code If-Match}, 413 for a body, 409 and 422 for {@code Idempotency-Key}).
 * Springdoc cannot see them: they come from the security filters and from {@link ApiProblems}.
 */
@Component
class ApiErrors implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = "application/problem+json";

	@Override
	public void customise(OpenAPI api) {
		api.getComponents().addSchemas(PROBLEM, problem());
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			boolean input = operation.getRequestBody() != null
					|| operation.getParameters() != null && !operation.getParameters().isEmpty();
			boolean ifMatch = operation.getParameters() != null
					&& operation.getParameters().stream().anyMatch(p -> p.getName().equalsIgnoreCase("If-Match"));
			if (input) {
				add(operation, 400, "Invalid input: `errors` names each field and its reason", List.of(
						Map.of("field", "priority", "reason", "must be from 1 to 5")));
			}
			add(operation, 401, "No valid credentials: a bearer token, or HTTP Basic", null);
			add(operation, 403, "The account's role or the token's scopes do not allow this (`required_scope`)", null);
			if (path.contains("{")) {
				add(operation, 404, "No such resource, or not one the caller may see (another queue's ticket)", null);
			}
			if (method == PathItem.HttpMethod.POST) {
				add(operation, 409, "A request with the same Idempotency-Key is still running", null);
				add(operation, 422, "The Idempotency-Key was used for a different request", null);
			}
			if (ifMatch) {
				add(operation, 412, "The ticket was changed since the version in If-Match; nothing was changed", null);
			}
			if (path.equals("/api/v1/changes")) {
				add(operation, 410, "Changes after this cursor are no longer kept (`helpdesk.change-log.retention`)",
						List.of(Map.of("field", "after", "reason", "is older than the oldest change kept")));
			}
			if (operation.getRequestBody() != null) {
				add(operation, 413, "The body is larger than the limit (`helpdesk.api.max-request-size`)", null);
			}
			add(operation, 429, "Over the caller's rate limit; try again after `Retry-After` seconds", null);
		}));
	}

	private static void add(Operation operation, int status, String description, List<Map<String, String>> errors) {
		String code = String.valueOf(status);
		if (operation.getResponses().containsKey(code)) {
			return;
		}
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
		example.put("status", status);
		example.put("detail", description.replace("`", ""));
		if (errors != null) {
			example.put("errors", errors);
		}
		if (status == 403) {
			example.put("required_scope", "write");
		}
		operation.getResponses().addApiResponse(code, new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
				.schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).example(example))));
	}

	private static Schema<?> problem() {
		Schema<?> error = new ObjectSchema().description("One field that was not accepted, and why")
			.addProperty("field", new StringSchema().description("The field's name as sent; `body` for the whole body"))
			.addProperty("reason", new StringSchema());
		return new ObjectSchema()
			.description("An RFC 9457 problem detail; input problems list every field with its reason at once")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(error))
			.addProperty("required_scope", new StringSchema()
				.description("On a 403 for a token: the scope the request needs (read, write, admin)"))
			.required(List.of("title", "status"));
	}
}
