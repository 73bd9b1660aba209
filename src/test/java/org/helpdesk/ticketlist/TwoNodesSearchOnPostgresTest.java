package org.helpdesk.ticketlist;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
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
import static org.awaitility.Awaitility.await;

/**
 * Two nodes share one PostgreSQL database and one data folder; each keeps its own search index (they take different
 * node folders in it) and finds a ticket created on the other within two seconds.
 */
@RequiresPostgres
class TwoNodesSearchOnPostgresTest extends FullStackTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}

	@Autowired
	private Environment environment;

	private ConfigurableApplicationContext secondNode;

	@BeforeEach
	void startSecondNode() {
		secondNode = SecondNode.start(environment, List.of(), "--helpdesk.escalation.enabled=false");
	}

	@AfterEach
	void stopSecondNode() {
		secondNode.close();
	}

	@Test
	void aTicketCreatedOnOneNodeIsFoundOnTheOtherWithinTwoSeconds() {
		long queue = client.createQueue(unique("two"));
		BrowserlessSession onFirst = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		BrowserlessSession onSecond = BrowserlessSession.signedIn(SecondNode.base(secondNode), ADMIN, ADMIN_PASSWORD);
		// both indexes are built and current before the clock starts
		long warmUp = create(client.base(), queue, "Warm-up ticket");
		await().atMost(Duration.ofSeconds(30)).until(() -> KeywordSearchTests.rows(onSecond.get("/tickets?q=warm-up")).contains(warmUp)
				&& KeywordSearchTests.rows(onFirst.get("/tickets?q=warm-up")).contains(warmUp));

		long onOne = create(client.base(), queue, "Pangolin spotted by the first node");
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
			.until(() -> KeywordSearchTests.rows(onSecond.get("/tickets?q=pangolin")).contains(onOne));

		long onTwo = create(SecondNode.base(secondNode), queue, "Pangolin spotted by the second node");
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
			.until(() -> KeywordSearchTests.rows(onFirst.get("/tickets?q=pangolin")).contains(onTwo));
	}

	private long create(String base, long queue, String title) {
		Response created = new org.helpdesk.support.HelpdeskClient(base).legacy("create_ticket", Map.of("user", ADMIN,
				"password", ADMIN_PASSWORD, "queue", String.valueOf(queue), "title", title, "body", "Seen today"));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return Long.parseLong(created.body().trim());
	}
}
