package org.helpdesk.web.list;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.FullStackTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh installation guides its first administrator: a checklist on the dashboard that ticks off each step and goes
 * away when all are done, and pages that say why they are empty instead of being dead ends.
 */
abstract class FirstRunTests extends FullStackTest {

	private static final String AGENT_PASSWORD = "agent-password-1";

	@Test
	void theChecklistGuidesTheFirstAdministratorUntilTheHelpdeskTakesPublicTickets() {
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		assertThat(steps(admin)).containsExactly(entry("queue", false), entry("public", false), entry("agent", false),
				entry("smtp", true));
		assertThat(page(admin, "/dashboard").getElementById("smtp-missing")).as("SMTP note with a mail host").isNull();
		assertThat(page(admin, "/tickets/new").select("#no-queues a[href$=/admin/queues/new]")).hasSize(1);
		assertThat(page(admin, "/submit").select("#no-public-queues a[href$=/admin/queues]")).hasSize(1);
		assertThat(Jsoup.parse(client.get("/").body()).getElementById("no-public-queues").text())
			.contains("accepts no public tickets yet");

		String agent = unique("agent");
		client.createUser(agent, AGENT_PASSWORD, "agent", null, List.of());
		assertThat(steps(admin)).contains(entry("agent", true), entry("queue", false));
		BrowserlessSession agentSession = BrowserlessSession.signedIn(client.base(), agent, AGENT_PASSWORD);
		Document agentsForm = page(agentSession, "/tickets/new");
		assertThat(agentsForm.getElementById("no-queues").text()).contains("Ask an administrator");
		assertThat(agentsForm.select("#no-queues a")).isEmpty();
		assertThat(page(agentSession, "/dashboard").getElementById("setup-checklist")).as("agent's checklist").isNull();

		long queue = client.createQueue(unique("support"));
		assertThat(steps(admin)).contains(entry("queue", true), entry("public", false));
		assertThat(page(admin, "/tickets/new").getElementById("new-ticket-form")).isNotNull();

		client.admin("PATCH", "/api/v1/queues/" + queue, Map.of("allow_public_submission", true));
		assertThat(page(admin, "/dashboard").getElementById("setup-checklist")).as("finished checklist").isNull();
		assertThat(Jsoup.parse(client.get("/").body()).getElementById("submit-form")).isNotNull();
	}

	/** Each step of the dashboard's checklist and whether it is ticked off. */
	private static List<Map.Entry<String, Boolean>> steps(BrowserlessSession session) {
		Element checklist = page(session, "/dashboard").getElementById("setup-checklist");
		assertThat(checklist).as("setup checklist").isNotNull();
		return checklist.select("li.setup-step")
			.stream()
			.map(step -> entry(step.id().substring("setup-".length()), step.hasClass("done")))
			.toList();
	}

	static Document page(BrowserlessSession session, String path) {
		BrowserlessSession.Page page = session.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private static Map.Entry<String, Boolean> entry(String step, boolean done) {
		return Map.entry(step, done);
	}
}
