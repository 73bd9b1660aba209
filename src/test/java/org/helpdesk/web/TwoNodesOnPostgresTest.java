package org.helpdesk.web;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.SecondNode;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database behind a load balancer that does not keep a person on one node: the web
 * session lives in the database, so a sign-in, its CSRF token and a sign-out hold on both.
 */
@RequiresPostgres
class TwoNodesOnPostgresTest extends FullStackTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}

	@Autowired
	private Environment environment;

	private ConfigurableApplicationContext secondNode;

	private String secondBase;

	@BeforeEach
	void startSecondNode() {
		secondNode = SecondNode.start(environment, List.of());
		secondBase = SecondNode.base(secondNode);
	}

	@AfterEach
	void stopSecondNode() {
		secondNode.close();
	}

	@Test
	void aSignInOnOneNodeHoldsOnTheOtherWithItsFormsAndItsSignOut() {
		BrowserlessSession first = new BrowserlessSession(client.base());
		assertThat(first.signIn(ADMIN, ADMIN_PASSWORD)).isTrue();
		assertThat(first.get("/tickets").status()).isEqualTo(200);

		// the next request lands on the other node, with the token of the page the first node served
		BrowserlessSession second = first.at(secondBase);
		Page saved = second.post("/tickets/views", Map.of("title", "Seen on both nodes", "query", "status=open"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).contains("/tickets?view=");
		assertThat(first.get("/tickets").body()).contains("Seen on both nodes");

		Page dashboard = second.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("id=\"dashboard-page\"");

		second.post("/logout", Map.of());
		Page afterSignOut = first.get("/dashboard");
		assertThat(afterSignOut.status()).isEqualTo(302);
		assertThat(afterSignOut.location()).contains("/login");
	}
}
