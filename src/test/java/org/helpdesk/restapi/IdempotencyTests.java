package org.helpdesk.restapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrying a POST with the same Idempotency-Key changes nothing and gets the first answer again, across the JSON API.
 */
abstract class IdempotencyTests extends FullStackTest {

	private static final String PASSWORD = "agent-password-1";

	private final HttpClient http = HttpClient.newHttpClient();

	private String agent;

	private String slug;

	private long queue;

	@BeforeEach
	void setUp() {
		slug = unique("idem");
		queue = client.createQueue(slug);
		agent = unique("agent");
		client.createUser(agent, PASSWORD, "agent", null, List.of(queue));
	}

	private Response post(String user, String key, String json) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/tickets"))
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.header("Authorization", HelpdeskClient.basic(user, PASSWORD))
				.header("Content-Type", "application/json");
			if (key != null) {
				request.header("Idempotency-Key", key);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long tickets() {
		return client.admin("GET", "/api/v1/tickets?queue=" + queue, null).json().get("total").asLong();
	}

	private String ticket(String title) {
		return "{\"queue\": \"" + slug + "\", \"title\": \"" + title + "\", \"description\": \"d\"}";
	}

	@Test
	void theSameKeyWithTheSameRequestGetsTheFirstAnswerAndCreatesNothingMore() {
		String key = unique("key");
		Response first = post(agent, key, ticket("Printer"));
		Response again = post(agent, key, ticket("Printer"));

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(tickets()).isEqualTo(1);

		assertThat(post(agent, unique("key"), ticket("Printer")).status()).as("another key, another ticket")
			.isEqualTo(201);
		assertThat(tickets()).isEqualTo(2);
	}

	@Test
	void theSameKeyWithAnotherRequestIsRefusedAndAnotherAccountsKeyIsItsOwn() {
		String key = unique("key");
		post(agent, key, ticket("First"));

		Response other = post(agent, key, ticket("Second"));

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		String colleague = unique("agent");
		client.createUser(colleague, PASSWORD, "agent", null, List.of(queue));
		assertThat(post(colleague, key, ticket("Second")).status()).isEqualTo(201);
		assertThat(tickets()).isEqualTo(2);
	}

	@Test
	void aRefusedRequestIsAnsweredAlikeAndABadKeyIsNamed() {
		String key = unique("key");
		Response refused = post(agent, key, "{\"queue\": \"" + slug + "\", \"title\": 42}");
		Response again = post(agent, key, "{\"queue\": \"" + slug + "\", \"title\": 42}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.fieldErrors()).containsKey("title");
		assertThat(post(agent, "x".repeat(256), ticket("Long key")).status()).isEqualTo(400);
		assertThat(post(agent, "tab\tkey", ticket("Odd key")).status()).isEqualTo(400);
		assertThat(tickets()).isZero();
	}

	@Test
	void concurrentRetriesWithOneKeyCreateOneTicket() throws Exception {
		String key = unique("key");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(pool.submit(() -> post(agent, key, ticket("Race"))));
			}
			for (Future<Response> answer : answers) {
				assertThat(answer.get().status()).isIn(201, 409);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(tickets()).isEqualTo(1);
	}
}
