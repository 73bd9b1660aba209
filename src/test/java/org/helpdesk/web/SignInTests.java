package org.helpdesk.web;

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
 * Signing in to the pages, and each person's own settings.
 */
abstract class SignInTests extends FullStackTest {

	@Autowired
	private JdbcClient jdbc;

	private BrowserlessSession session() {
		return new BrowserlessSession(client.base());
	}

	@Test
	void anonymousVisitorsOfStaffPagesAreSentToTheSignInForm() {
		Page page = session().get("/dashboard");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/login");
	}

	@Test
	void aSignInWithoutTheCsrfTokenIsRefused() {
		String user = unique("nocsrf");
		client.createUser(user, "agent-password-1", "agent", null, List.of());

		Page page = session().post("/login", Map.of("username", user, "password", "agent-password-1"));

		assertThat(page.status()).isEqualTo(403);
	}

	@Test
	void anAgentSignsInAndLandsOnTheDashboard() {
		String user = unique("agent");
		client.createUser(user, "agent-password-1", "agent", null, List.of());
		BrowserlessSession session = session();
		session.get("/login");

		Page result = session.post("/login", Map.of("username", user, "password", "agent-password-1"));

		assertThat(result.location()).endsWith("/dashboard");
	}

	@Test
	void aVisitorsSessionEndsAfterHalfAnHourAndASignedInOneAfterTheFullTimeout() {
		BrowserlessSession person = new BrowserlessSession(client.base());
		// public pages start no session; a staff page does, to return there after signing in
		person.get("/dashboard");
		String session = person.cookie("SESSION");
		assertThat(session).isNotNull();
		assertThat(idleSeconds(session)).isEqualTo(30 * 60);

		assertThat(person.signIn(ADMIN, ADMIN_PASSWORD)).isTrue();
		person.get("/dashboard");

		assertThat(idleSeconds(person.cookie("SESSION"))).isEqualTo(8 * 60 * 60);
	}

	/** How long the session behind this cookie may sit unused, as stored in the database. */
	private long idleSeconds(String cookie) {
		String id = new String(java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
		return jdbc.sql("select max_inactive_interval from spring_session where session_id = ?").param(id)
			.query(Long.class).single();
	}

	@Test
	void aWrongPasswordGoesBackToTheFormWithAReason() {
		BrowserlessSession session = session();

		assertThat(session.signIn(ADMIN, "wrong-password")).isFalse();
		assertThat(session.get("/login?error").body()).contains("The username or password is wrong.");
	}

	@Test
	void aPersonReadsThePagesInTheLanguageTheyChose() {
		String user = unique("de");
		client.createUser(user, "agent-password-1", "agent", null, List.of());
		BrowserlessSession session = session();
		session.signIn(user, "agent-password-1");
		session.get("/account/settings");

		session.post("/account/settings", Map.of("language", "de", "timeZone", "Europe/Berlin"));

		String body = session.get("/account/settings").body();
		assertThat(body).contains("Ihre Einstellungen").contains("lang=\"de\"");
		assertThat(body).contains("<option value=\"Europe/Berlin\" selected=\"selected\">");
	}

	@Test
	void changingTheOwnPasswordNeedsTheCurrentOne() {
		String user = unique("pw");
		client.createUser(user, "agent-password-1", "agent", null, List.of());
		BrowserlessSession session = session();
		session.signIn(user, "agent-password-1");
		session.get("/account/settings");

		Page refused = session.post("/account/password", Map.of("current", "not-my-password", "next", "new-password-22"));
		assertThat(refused.body()).contains("is not your current password");

		session.get("/account/settings");
		session.post("/account/password", Map.of("current", "agent-password-1", "next", "new-password-22"));
		assertThat(session().signIn(user, "agent-password-1")).isFalse();
		assertThat(session().signIn(user, "new-password-22")).isTrue();
	}

	@Test
	void customersCannotOpenStaffPages() {
		String user = unique("cust");
		client.createUser(user, "customer-password-1", "user", null, List.of());
		BrowserlessSession session = session();
		session.signIn(user, "customer-password-1");

		assertThat(session.get("/dashboard").status()).isEqualTo(403);
	}
}
