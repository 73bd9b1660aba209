package org.helpdesk.restapi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.helpdesk.account.SignedIn;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of the JSON API (at /api/v1/openapi, shown by Swagger UI at /api/v1/docs): what it is, one
 * tag per resource, and the three ways in: personal API tokens (bearer) and HTTP Basic for scripts, the page session
 * for a signed-in browser.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BASIC = "basic";

	static final String BEARER = "bearer";

	static final String SESSION = "session";

	/** Path prefix of each resource, and its tag; a resource missing here is tagged with its path's name. */
	private static final Map<String, Tag> RESOURCES = resources();

	@Bean
	OpenAPI helpdeskApi() {
		return new OpenAPI().info(new Info().title("Helpdesk JSON API").version("v1").description("""
				Open, read, change and follow tickets, their follow-ups, CCs, dependencies and attachments; follow \
				every change in order through the change feed or signed webhooks; push inbound mail; administer \
				queues, users, custom fields, escalation exclusions, ignore rules and webhooks. \
				Fields are in snake_case; errors are RFC 9457 problem details with `errors: [{field, reason}]`. \
				Scripts sign in on every request with a personal API token (`Authorization: Bearer hd_…`, created \
				at /account/settings or with `POST /api/v1/me/tokens`; scopes `read` for GET, `write` for \
				changes, `admin` for the administration resources) or with HTTP Basic. In a browser signed in at \
				/login, the page session is enough for reading (GET); changes still need a token or HTTP Basic. \
				Every caller has a rate limit: each answer carries `RateLimit-Limit`, `RateLimit-Remaining` and \
				`RateLimit-Reset`; over the limit the answer is 429 with `Retry-After`. Every `POST` accepts an \
				`Idempotency-Key`: a retry with the same key and request answers the first answer again. Every \
				operation shows an example of its request and its answer."""))
			.components(new Components().addSecuritySchemes(BEARER, bearer()).addSecuritySchemes(BASIC, basic())
				.addSecuritySchemes(SESSION, session()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(SESSION));
	}

	/**
	 * The API writes its records in snake_case (Boot's Jackson 3, {@code spring.jackson.property-naming-strategy});
	 * swagger-core reads them with its own Jackson 2 mapper, which must name them the same, or the document would
	 * show {@code allQueues} where the wire says {@code all_queues}.
	 */
	@Bean
	ModelResolver snakeCaseSchemas() {
		return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
			.openapi31(true);
	}

	// springdoc would name a tag after each controller class; people look for the resource instead
	@Bean
	OpenApiCustomizer tagsPerResource() {
		return api -> {
			api.setTags(List.copyOf(RESOURCES.values()));
			api.getPaths().forEach((path, item) -> item.readOperations()
				.forEach(operation -> operation.setTags(List.of(tagOf(path)))));
			// a token cannot create tokens, so that a leaked one cannot outlive its revocation
			api.getPaths().get("/api/v1/me/tokens").getPost()
				.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
		};
	}

	/** Every POST takes an {@code Idempotency-Key} (see {@link Idempotency}). */
	@Bean
	OpenApiCustomizer idempotencyKeys() {
		return api -> api.getPaths().values().stream().map(PathItem::getPost).filter(Objects::nonNull)
			.forEach(post -> post.addParametersItem(new HeaderParameter().name(Idempotency.HEADER)
				.schema(new StringSchema().minLength(1).maxLength(255)).example("5f1c0a9e-import-42")
				.description("Sending the same request again with the same key within 24 hours answers the first "
						+ "answer again (Idempotent-Replayed: true) and changes nothing")));
	}

	/**
	 * Names each operation after its resource and handler method ({@code ticketsAddFollowUp}), for generated clients
	 * and for the example files of {@link ApiExamples}; springdoc would number repeated method names
	 * ({@code list_3}), which shift whenever a controller is added. Also drops {@link SignedIn} parameters, which
	 * are the caller, not input.
	 */
	@Bean
	OperationCustomizer operationNames() {
		return (operation, handler) -> {
			// the multipart twin of a JSON handler (createWithFiles) is the same operation with another body type
			String method = handler.getMethod().getName().replaceFirst("WithFiles$", "");
			operation.setOperationId(resourceOf(handler) + StringUtils.capitalize(method));
			Set<String> callers = Arrays.stream(handler.getMethodParameters())
				.filter(parameter -> parameter.hasParameterAnnotation(SignedIn.class))
				.map(MethodParameter::getParameterName).collect(Collectors.toSet());
			if (operation.getParameters() != null) {
				operation.getParameters().removeIf(parameter -> callers.contains(parameter.getName()));
			}
			return operation;
		};
	}

	/** {@code /api/v1/me/tokens} → {@code tokens}, {@code /api/v1/custom-fields} → {@code customFields}. */
	private static String resourceOf(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
		String path = mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
		String[] words = path.replaceFirst("^/api/v1/(me/)?", "").split("[-/]");
		StringBuilder name = new StringBuilder(words[0]);
		Arrays.stream(words).skip(1).map(StringUtils::capitalize).forEach(name::append);
		return name.toString();
	}

	private static String tagOf(String path) {
		return RESOURCES.entrySet().stream().filter(resource -> path.startsWith(resource.getKey()))
			.map(resource -> resource.getValue().getName()).findFirst()
			.orElseGet(() -> path.replaceFirst("^/api/v1/([^/]+).*", "$1").replace('-', ' '));
	}

	private static Map<String, Tag> resources() {
		Map<String, Tag> resources = new LinkedHashMap<>();
		resources.put("/api/v1/queues", tag("queues", "Queues tickets arrive in, and their settings (administrators)"));
		resources.put("/api/v1/users", tag("users", "Accounts of staff and customers (administrators)"));
		resources.put("/api/v1/custom-fields", tag("custom fields", "Typed ticket fields (administrators)"));
		resources.put("/api/v1/escalation-exclusions", tag("escalation exclusions",
				"Dates that do not count towards a queue's escalation wait (administrators)"));
		resources.put("/api/v1/tickets/{id}/followups", tag("follow-ups",
				"Comments and status changes of a ticket, oldest first (as the ticket: agents their queues' tickets)"));
		resources.put("/api/v1/tickets", tag("tickets", "Tickets with their CCs, dependencies and attachments "
				+ "(agents: their queues, another queue's ticket is 404; administrators: all)"));
		resources.put("/api/v1/changes", tag("changes",
				"The change feed: every change to the tickets of the caller's queues, in order, by cursor"));
		resources.put("/api/v1/ignore-rules", tag("ignore rules",
				"Senders whose mail the queues do not take in (administrators)"));
		resources.put("/api/v1/webhooks", tag("webhooks",
				"Endpoints that receive signed changes of tickets, and their deliveries (administrators)"));
		resources.put("/api/v1/me/tokens", tag("tokens",
				"The caller's own personal API tokens (agents and administrators; creating one needs HTTP Basic)"));
		// after /api/v1/me/tokens, which it would otherwise take (the first prefix that matches wins)
		resources.put("/api/v1/me", tag("me", "Who is calling: the account, its queues and the request's scopes"));
		resources.put("/api/v1/mail", tag("inbound mail",
				"Raw mail pushed by an MTA or a mail service, the quarantine and bouncing addresses (administrators)"));
		return resources;
	}

	private static Tag tag(String name, String description) {
		return new Tag().name(name).description(description);
	}

	private static SecurityScheme bearer() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("hd_…")
			.description("A personal API token, limited to its scopes (read, write, admin) and its owner's role");
	}

	private static SecurityScheme basic() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
			.description("User name and password of a helpdesk account, on every request");
	}

	private static SecurityScheme session() {
		return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("SESSION")
			.description("The session cookie of the pages after signing in at /login; for reading (GET) only");
	}
}
