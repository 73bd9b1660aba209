package org.helpdesk.ticketlist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.SecondNode;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each node's search index looks after itself: it takes in changes soon after they commit, catches up after a
 * restart from where it stopped, and rebuilds itself from the tables when its folder is deleted or damaged, while
 * the list keeps answering. Restarts use another node of the same helpdesk with an index folder of its own.
 */
abstract class SearchIndexTests extends FullStackTest {

	private static final Duration INDEXED = Duration.ofSeconds(20);

	@Autowired
	private Environment environment;

	private ConfigurableApplicationContext other;

	@AfterEach
	void stopOtherNode() {
		if (other != null) {
			other.close();
		}
	}

	@Test
	void aDeletedIndexFolderIsRebuiltAndSearchKeepsAnswering() throws IOException {
		long queue = client.createQueue(unique("si"));
		long before = ticket(queue, "Ocelot on the roof");
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		await().atMost(INDEXED).until(() -> KeywordSearchTests.rows(admin.get("/tickets?q=ocelot")).contains(before));
		Path folder = Path.of(environment.getProperty("helpdesk.data-dir"), "search-index");

		delete(folder);
		long after = ticket(queue, "Ocelot in the basement");

		await().atMost(INDEXED).untilAsserted(() -> {
			Page page = admin.get("/tickets?q=ocelot");
			assertThat(page.status()).isEqualTo(200);
			assertThat(KeywordSearchTests.rows(page)).containsExactlyInAnyOrder(before, after);
		});
		assertThat(generations(folder.resolve("node-1"))).hasSize(1);
	}

	@Test
	void aRestartedNodeCatchesUpFromWhereItsIndexStopped() throws IOException {
		long queue = client.createQueue(unique("si"));
		long first = ticket(queue, "Armadillo before the restart");
		Path folder = Path.of(environment.getProperty("helpdesk.data-dir"), "index-" + unique("node"));
		other = startOther(folder);
		BrowserlessSession otherAdmin = BrowserlessSession.signedIn(SecondNode.base(other), ADMIN, ADMIN_PASSWORD);
		await().atMost(INDEXED).until(() -> KeywordSearchTests.rows(otherAdmin.get("/tickets?q=armadillo")).contains(first));
		List<Path> built = generations(folder.resolve("node-1"));
		other.close();

		long second = ticket(queue, "Armadillo while it was down");
		other = startOther(folder);

		BrowserlessSession again = BrowserlessSession.signedIn(SecondNode.base(other), ADMIN, ADMIN_PASSWORD);
		await().atMost(INDEXED).untilAsserted(() -> assertThat(KeywordSearchTests.rows(again.get("/tickets?q=armadillo")))
			.containsExactlyInAnyOrder(first, second));
		assertThat(generations(folder.resolve("node-1"))).as("caught up, not rebuilt").isEqualTo(built);
	}

	@Test
	void aDamagedIndexIsRebuiltFromTheTables() throws IOException {
		long queue = client.createQueue(unique("si"));
		long ticket = ticket(queue, "Capybara in the server room");
		Path folder = Path.of(environment.getProperty("helpdesk.data-dir"), "index-" + unique("node"));
		other = startOther(folder);
		BrowserlessSession otherAdmin = BrowserlessSession.signedIn(SecondNode.base(other), ADMIN, ADMIN_PASSWORD);
		await().atMost(INDEXED).until(() -> KeywordSearchTests.rows(otherAdmin.get("/tickets?q=capybara")).contains(ticket));
		List<Path> built = generations(folder.resolve("node-1"));
		other.close();

		try (Stream<Path> files = Files.list(built.get(0))) {
			for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
				Files.writeString(file, "not an index file", StandardCharsets.UTF_8);
			}
		}
		other = startOther(folder);

		BrowserlessSession again = BrowserlessSession.signedIn(SecondNode.base(other), ADMIN, ADMIN_PASSWORD);
		// the list answers at once: found already, or saying that the index is being rebuilt
		Page meanwhile = again.get("/tickets?q=capybara");
		assertThat(KeywordSearchTests.rows(meanwhile).contains(ticket) || meanwhile.body().contains("search-rebuilding"))
			.as(meanwhile.body()).isTrue();
		await().atMost(INDEXED).untilAsserted(
				() -> assertThat(KeywordSearchTests.rows(again.get("/tickets?q=capybara"))).containsExactly(ticket));
		assertThat(generations(folder.resolve("node-1"))).hasSize(1).doesNotContainAnyElementsOf(built);
	}

	@Test
	void theBacklogIsAGaugeAndAdministratorsSeeIt() {
		long queue = client.createQueue(unique("si"));
		long ticket = ticket(queue, "Meerkat");
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		await().atMost(INDEXED).until(() -> KeywordSearchTests.rows(admin.get("/tickets?q=meerkat")).contains(ticket));

		String metrics = new String(client.download("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).body(),
				StandardCharsets.UTF_8);
		assertThat(metrics).contains("helpdesk_search_backlog 0.0");
		assertThat(admin.get("/tickets").body()).contains("id=\"search-status\"")
			.contains("Search index: 0 changes not yet searchable");
		String agent = unique("agent");
		client.createUser(agent, "agent-password-1", "agent", null, List.of());
		assertThat(BrowserlessSession.signedIn(client.base(), agent, "agent-password-1").get("/tickets").body())
			.doesNotContain("search-status");
		Response health = client.request("GET", "/actuator/health", ADMIN, ADMIN_PASSWORD, null);
		assertThat(health.json().get("components").get("search").get("details").get("backlog").asLong()).isZero();
	}

	private ConfigurableApplicationContext startOther(Path folder) {
		return SecondNode.start(environment, List.of(), "--helpdesk.search.directory=" + folder,
				"--helpdesk.escalation.enabled=false", "--helpdesk.inbox.poll-enabled=false");
	}

	private long ticket(long queue, String title) {
		Response created = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", title, "body", "Seen today"));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return Long.parseLong(created.body().trim());
	}

	/** The folders of the builds of the index in a node folder. */
	private static List<Path> generations(Path node) throws IOException {
		try (Stream<Path> children = Files.list(node)) {
			return children.filter(p -> p.getFileName().toString().startsWith("index-")).sorted().toList();
		}
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> all = Files.walk(folder)) {
			for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}

class SearchIndexOnH2Test extends SearchIndexTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}
}

@RequiresPostgres
class SearchIndexOnPostgresTest extends SearchIndexTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
