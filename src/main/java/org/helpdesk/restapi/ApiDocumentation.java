package org.helpdesk.restapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
				Administer queues, users and custom fields, and read tickets, their follow-ups and attachments. \
				Fields are in snake_case; errors are RFC 9457 problem details with `errors: [{field, reason}]`. \
				Scripts sign in on every request with a personal API token (`Authorization: Bearer hd_…`, created \
				at /account/settings or with `POST /api/v1/me/tokens`; scopes `read` for GET, `write` for \
				changes, `admin` for the administration resources) or with HTTP Basic. In a browser signed in at \
				/login, the page session is enough for reading (GET); changes still need a token or HTTP Basic. \
				Every caller has a rate limit: each answer carries `RateLimit-Limit`, `RateLimit-Remaining` and \
				`RateLimit-Reset`; over the limit the answer is 429 with `Retry-After`."""))
			.components(new Components().addSecuritySchemes(BEARER, bearer()).addSecuritySchemes(BASIC, basic())
				.addSecuritySchemes(SESSION, session()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(SESSION));
	}

	// springdoc would name a tag after each controller class; people look for the resource instead
	@Bean
	OpenApiCustomizer tagsPerResource() {
		return api -> {
			api.setTags(List.copyOf(RESOURCES.values()));
			api.getPaths().forEach((path, item) -> item.readOperations()
				.forEach(operation -> operation.setTags(List.of(tagOf(path)))));
		};
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
		resources.put("/api/v1/tickets", tag("tickets",
				"Tickets with their follow-ups, CCs and attachments (agents: their queues; administrators: all)"));
		resources.put("/api/v1/changes", tag("changes",
				"The change feed: every change to the tickets of the caller's queues, in order, by cursor"));
		resources.put("/api/v1/ignore-rules", tag("ignore rules",
				"Senders whose mail the queues do not take in (administrators)"));
		resources.put("/api/v1/webhooks", tag("webhooks",
				"Endpoints that receive signed changes of tickets, and their deliveries (administrators)"));
		resources.put("/api/v1/me/tokens", tag("tokens",
				"The caller's own personal API tokens (agents and administrators; creating one needs HTTP Basic)"));
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
