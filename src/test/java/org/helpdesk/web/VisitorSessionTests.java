package org.helpdesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visitors who have not signed in cost no session row (their CSRF token rides in a cookie), while the forms stay
 * protected and signing in still starts a session.
 */
abstract class VisitorSessionTests extends FullStackTest {

	@Autowired
	private JdbcClient jdbc;

	private long sessionRows() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	@Test
	void readingThePublicPagesAndFailingTheSubmitFormWritesNoSession() {
		long before = sessionRows();
		BrowserlessSession visitor = new BrowserlessSession(client.base());

		for (String path : List.of("/", "/login", "/submit", "/view", "/login?error")) {
			assertThat(visitor.get(path).status()).as(path).isEqualTo(200);
		}
		Map<String, String> invalid = new LinkedHashMap<>();
		invalid.put("queue", "");
		invalid.put("email", "not-an-address");
		invalid.put("title", "");
		invalid.put("description", "");
		invalid.put("website", "");
		assertThat(visitor.multipart("/submit", invalid, List.of()).status()).isEqualTo(400);

		assertThat(sessionRows()).isEqualTo(before);
		assertThat(visitor.cookie("SESSION")).isNull();
		assertThat(visitor.cookie("XSRF-TOKEN")).isNotNull();
	}

	@Test
	void theTokenCookieIsHiddenFromScripts() {
		Page login = new BrowserlessSession(client.base()).get("/login");

		assertThat(login.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(h -> h.getValue().stream()))
			.noneMatch(cookie -> cookie.startsWith("SESSION="))
			.anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN=") && cookie.contains("HttpOnly")
					&& cookie.contains("SameSite=Lax"));
	}

	@Test
	void formsWithoutTheTokenAreRefusedAndWriteNoSession() {
		long before = sessionRows();
		BrowserlessSession visitor = new BrowserlessSession(client.base());
		visitor.get("/login");

		Map<String, String> forged = Map.of("username", ADMIN, "password", ADMIN_PASSWORD, "_csrf", "forged");
		assertThat(visitor.post("/login", forged).status()).isEqualTo(403);
		assertThat(new BrowserlessSession(client.base()).post("/login", Map.of("username", ADMIN, "password",
				ADMIN_PASSWORD)).status()).isEqualTo(403);
		assertThat(visitor.post("/submit", Map.of("_csrf", "forged", "email", "a@example.test")).status())
			.isEqualTo(403);

		assertThat(sessionRows()).isEqualTo(before);
		assertThat(visitor.get("/dashboard").status()).as("still signed out").isEqualTo(302);
	}

	@Test
	void signingInStartsTheFirstSession() {
		long before = sessionRows();
		BrowserlessSession person = new BrowserlessSession(client.base());
		person.get("/login");
		assertThat(sessionRows()).isEqualTo(before);

		assertThat(person.signIn(ADMIN, ADMIN_PASSWORD)).isTrue();

		assertThat(sessionRows()).isEqualTo(before + 1);
		assertThat(person.get("/dashboard").status()).isEqualTo(200);
		Page signedOut = person.post("/logout", Map.of());
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(person.get("/dashboard").status()).isEqualTo(302);
	}
}
