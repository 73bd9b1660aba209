package org.helpdesk.restapi;

import java.util.List;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API's documentation and Swagger UI over real HTTP, and who may read the API from a signed-in browser.
 */
abstract class ApiDocsTests extends FullStackTest {

	@Test
	void theOpenApiDocumentNamesTheApiItsResourcesAndEveryWayIn() {
		JsonNode doc = client.get("/api/v1/openapi").json();

		assertThat(doc.at("/info/title").asString()).isEqualTo("Helpdesk JSON API");
		assertThat(doc.at("/info/description").asString()).contains("HTTP Basic", "session");
		assertThat(doc.get("tags").valueStream().map(tag -> tag.get("name").asString()))
			.containsExactly("queues", "users", "custom fields", "escalation exclusions", "tickets", "changes",
					"ignore rules", "webhooks", "tokens");
		assertThat(doc.at("/paths/~1api~1v1~1webhooks~1{id}~1deliveries/get/tags").toString()).isEqualTo("[\"webhooks\"]");
		assertThat(doc.at("/paths/~1api~1v1~1me~1tokens/post/tags").toString()).isEqualTo("[\"tokens\"]");
		assertThat(doc.at("/paths/~1api~1v1~1queues~1{id}/patch/tags").toString()).isEqualTo("[\"queues\"]");
		assertThat(doc.at("/paths/~1api~1v1~1users/post/tags").toString()).isEqualTo("[\"users\"]");
		assertThat(doc.at("/paths/~1api~1v1~1custom-fields/get/tags").toString()).isEqualTo("[\"custom fields\"]");
		assertThat(doc.at("/paths/~1api~1v1~1tickets~1{id}/get/tags").toString()).isEqualTo("[\"tickets\"]");
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
		assertThat(doc.at("/info/description").asString()).contains("Bearer", "RateLimit-Remaining", "429");
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
		assertThat(admin.post("/api/v1/queues", java.util.Map.of("title", "Sneaky", "slug", "sneaky")).status())
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
