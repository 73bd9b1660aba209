package org.helpdesk.legacyapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the legacy API suites share: an agent that may use every queue, a queue of its own, and assertions on the
 * plain-text answers. Each suite gets its own context (and database), closed when the suite is done, so login
 * failures and open connections never leak into another suite.
 */
@DirtiesContext
abstract class LegacyApiSupport extends FullStackTest {

	static final String PASSWORD = "agent-password-1";

	@Autowired
	JdbcClient jdbc;

	/** An active agent without queue limits. */
	String agent;

	long agentId;

	long queue;

	String slug;

	@BeforeEach
	void agentAndQueue() {
		slug = unique("q");
		queue = client.createQueue(slug);
		agent = unique("agent");
		agentId = client.createUser(agent, PASSWORD, "agent", null, List.of());
	}

	/** The fields as the agent sends them: its credentials plus {@code keyValues}. */
	Map<String, String> as(String... keyValues) {
		return withCredentials(agent, PASSWORD, keyValues);
	}

	static Map<String, String> withCredentials(String user, String password, String... keyValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("user", user);
		fields.put("password", password);
		for (int i = 0; i < keyValues.length; i += 2) {
			fields.put(keyValues[i], keyValues[i + 1]);
		}
		return fields;
	}

	Response call(String method, String... keyValues) {
		return client.legacy(method, as(keyValues));
	}

	/** Opens a ticket in the agent's queue through the API and returns its id. */
	long openTicket(String... keyValues) {
		Map<String, String> fields = as("queue", String.valueOf(queue), "title", unique("Printer on fire "));
		for (int i = 0; i < keyValues.length; i += 2) {
			fields.put(keyValues[i], keyValues[i + 1]);
		}
		Response response = client.legacy("create_ticket", fields);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body());
	}

	JsonNode followUps(long ticket) {
		return client.ticket(ticket).get("followups");
	}

	long count(String sql, Object... params) {
		var statement = jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(Long.class).single();
	}

	static void assertOk(Response response) {
		assertPlainText(response, 200, "OK");
	}

	/** Status, UTF-8 plain text and the exact body (which therefore has no trailing newline). */
	static void assertPlainText(Response response, int status, String body) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).isNotNull();
		assertThat(response.contentType().toLowerCase().replace(" ", "")).startsWith("text/plain")
			.contains("charset=utf-8");
		assertThat(response.body()).isEqualTo(body);
	}

	/** A 4xx in plain text that reads like a sentence, never a stack trace. */
	static void assertCleanError(Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType().toLowerCase()).startsWith("text/plain");
		assertThat(response.body()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.")
			.doesNotEndWith("\n");
	}

	static void assertBadRequest(Response response, String... lines) {
		assertCleanError(response, 400);
		assertThat(response.body().split("\n")).containsExactlyInAnyOrder(lines);
	}
}
