package org.helpdesk.restapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API's documentation and Swagger UI over real HTTP, and who may read the API from a signed-in browser.
 */
abstract class ApiDocsTests extends FullStackTest {

	@Test
	void theOpenApiDocumentNamesTheApiItsResourcesAndEveryWayIn() {
		JsonNode doc = client.get("/api/v1/openapi").json();

		assertThat(doc.get("openapi").asString()).startsWith("3.1.");
		assertThat(doc.at("/info/title").asString()).isEqualTo("Helpdesk JSON API");
		assertThat(doc.at("/info/description").asString()).contains("HTTP Basic", "session");
		assertThat(doc.get("tags").valueStream().map(tag -> tag.get("name").asString()))
			.containsExactly("queues", "users", "custom fields", "escalation exclusions", "follow-ups", "tickets",
					"changes", "ignore rules", "webhooks", "tokens", "me", "inbound mail");
		assertThat(doc.at("/paths/~1api~1v1~1webhooks~1{id}~1deliveries/get/tags").toString()).isEqualTo("[\"webhooks\"]");
		assertThat(doc.at("/paths/~1api~1v1~1me~1tokens/post/tags").toString()).isEqualTo("[\"tokens\"]");
		assertThat(doc.at("/paths/~1api~1v1~1queues~1{id}/patch/tags").toString()).isEqualTo("[\"queues\"]");
		assertThat(doc.at("/paths/~1api~1v1~1users/post/tags").toString()).isEqualTo("[\"users\"]");
		assertThat(doc.at("/paths/~1api~1v1~1custom-fields/get/tags").toString()).isEqualTo("[\"custom fields\"]");
		assertThat(doc.at("/paths/~1api~1v1~1tickets~1{id}/get/tags").toString()).isEqualTo("[\"tickets\"]");
		assertThat(doc.at("/paths/~1api~1v1~1tickets~1{id}~1followups/post/tags").toString())
			.isEqualTo("[\"follow-ups\"]");
		assertThat(doc.at("/paths/~1api~1v1~1mail~1inbound/post/tags").toString()).isEqualTo("[\"inbound mail\"]");
		assertThat(doc.at("/paths/~1api~1v1~1ignore-rules/post/tags").toString()).isEqualTo("[\"ignore rules\"]");
		assertThat(doc.at("/paths/~1api~1v1~1escalation-exclusions~1{id}/delete/tags").toString())
			.isEqualTo("[\"escalation exclusions\"]");
		assertThat(doc.at("/components/securitySchemes/basic").toString()).contains("\"type\":\"http\"",
				"\"scheme\":\"basic\"");
		assertThat(doc.at("/components/securitySchemes/session").toString()).contains("\"type\":\"apiKey\"",
				"\"in\":\"cookie\"", "\"name\":\"SESSION\"");
		assertThat(doc.at("/components/securitySchemes/bearer").toString()).contains("\"type\":\"http\"",
				"\"scheme\":\"bearer\"");
		assertThat(doc.get("security").toString()).contains("\"bearer\"", "\"basic\"", "\"session\"");
		assertThat(doc.at("/paths/~1api~1v1~1me~1tokens/post/security").toString()).isEqualTo("[{\"basic\":[]}]");
		assertThat(doc.at("/info/description").asString()).contains("Bearer", "RateLimit-Remaining", "429");
	}

	/**
	 * Every handler Spring MVC answers under /api/v1 is in the document, and every operation shows an example of its
	 * request body and of each successful answer with a body; JSON examples are JSON and use only the fields of
	 * their schema. Errors are problem details.
	 */
	@Test
	void everyEndpointIsDocumentedWithExamplesOfWhatGoesInAndComesOut(
			@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
		JsonNode doc = client.get("/api/v1/openapi").json();
		List<String> problems = new ArrayList<>();

		mappings.getHandlerMethods().forEach((mapping, handler) -> mapping.getPatternValues().stream()
			.filter(pattern -> pattern.startsWith("/api/v1/"))
			.filter(pattern -> !handler.getBeanType().getPackageName().startsWith("org.springdoc"))
			.forEach(pattern -> {
				if (mapping.getMethodsCondition().getMethods().isEmpty()) {
					problems.add(pattern + " answers every HTTP method: name the ones it takes");
				}
				mapping.getMethodsCondition().getMethods().forEach(method -> {
					if (doc.path("paths").path(pattern).path(method.name().toLowerCase(Locale.ROOT)).isMissingNode()) {
						problems.add(method + " " + pattern + " (" + handler + ") is not in the document");
					}
				});
			}));
		doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			String operation = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
			JsonNode op = entry.getValue();
			op.path("requestBody").path("content").properties()
				.forEach(media -> checkExample(doc, operation + " request " + media.getKey(), media, problems));
			op.get("responses").properties().forEach(response -> {
				if (response.getKey().startsWith("2")) {
					response.getValue().path("content").properties().forEach(media -> checkExample(doc,
							operation + " answer " + response.getKey() + " " + media.getKey(), media, problems));
				}
				else if (response.getKey().startsWith("4")) {
					JsonNode schema = response.getValue().at("/content/application~1problem+json/schema/$ref");
					if (!schema.isString() || !schema.asString().endsWith("/Problem")) {
						problems.add(operation + " answer " + response.getKey() + " is not a problem detail");
					}
				}
			});
			op.path("parameters").forEach(parameter -> {
				JsonNode schema = parameter.path("schema");
				if (schema.has("$ref") || schema.path("type").asString("").equals("object")) {
					problems.add(operation + " has the parameter " + parameter.get("name").asString()
							+ ", an object springdoc made of a handler argument");
				}
			});
			if (entry.getKey().equals("post") && !op.path("parameters").toString().contains("\"Idempotency-Key\"")) {
				problems.add(operation + " does not document Idempotency-Key");
			}
			if (!op.path("responses").has("401")) {
				problems.add(operation + " does not document its errors");
			}
		}));

		assertThat(problems).isEmpty();
		assertThat(doc.at("/components/schemas/Problem/properties/errors/items/properties").propertyNames())
			.containsExactly("field", "reason");
	}

	private static void checkExample(JsonNode doc, String where, Map.Entry<String, JsonNode> media,
			List<String> problems) {
		JsonNode example = media.getValue().get("example");
		if (example == null || example.isNull() || example.isString() && example.asString().isBlank()) {
			problems.add(where + " has no example");
		}
		else if (media.getKey().contains("json") && !example.isContainer()) {
			problems.add(where + ": the example is not JSON: " + example);
		}
		else if (media.getKey().contains("json")) {
			JsonNode schema = media.getValue().get("schema");
			JsonNode items = schema.has("items") ? schema.get("items") : schema;
			JsonNode properties = resolve(doc, items).get("properties");
			(example.isArray() ? example.valueStream() : java.util.stream.Stream.of(example))
				.flatMap(value -> value.propertyNames().stream())
				.filter(name -> properties != null && !properties.has(name)).distinct()
				.forEach(name -> problems.add(where + ": the example has " + name + ", which its schema has not"));
		}
	}

	private static JsonNode resolve(JsonNode doc, JsonNode schema) {
		return schema.has("$ref") ? doc.at(schema.get("$ref").asString().substring(1)) : schema;
	}

	@Test
	void swaggerUiOpensWithoutAskingForCredentials() {
		Response docs = client.get("/api/v1/docs");
		assertThat(docs.status()).isEqualTo(302);

		Response ui = client.get(docs.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.header("WWW-Authenticate")).isNull();
		assertThat(ui.body()).contains("swagger-ui");
		Response config = client.get("/api/v1/openapi/swagger-config");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.body()).contains("/api/v1/openapi");
	}

	@Test
	void aSignedInAdminReadsWithTheSessionWhileWritesAndScriptsNeedBasic() {
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);

		Page read = admin.get("/api/v1/queues", "application/json");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("WWW-Authenticate")).isNull();
		assertThat(read.body()).startsWith("[");
		// a page of another site could make the browser send this: the session alone changes nothing
		assertThat(admin.post("/api/v1/queues", Map.of("title", "Sneaky", "slug", "sneaky")).status())
			.isEqualTo(401);
		assertThat(client.request("GET", "/api/v1/queues", ADMIN, ADMIN_PASSWORD, null).body()).doesNotContain("sneaky");

		Response anonymous = client.get("/api/v1/queues");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
	}

	@Test
	void anAgentsSessionReadsTicketsButNotTheAdministration() {
		long queue = client.createQueue(unique("docs"));
		String agent = unique("agent");
		client.createUser(agent, "agent-password-1", "agent", agent + "@example.test", List.of(queue));
		BrowserlessSession browser = BrowserlessSession.signedIn(client.base(), agent, "agent-password-1");

		assertThat(browser.get("/api/v1/queues", "application/json").status()).isEqualTo(403);
		assertThat(browser.get("/api/v1/tickets/999999", "application/json").status()).isEqualTo(404);
	}
}
