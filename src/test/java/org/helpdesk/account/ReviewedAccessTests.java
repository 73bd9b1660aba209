package org.helpdesk.account;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on access after the account changed, on the channels other than the pages: the JSON API read with a page
 * session, HTTP Basic and the legacy API with an old password; and an agent of one queue reaching into another.
 */
abstract class ReviewedAccessTests extends AgentOfOneQueue {

	@Test
	void aDemotedAdministratorsPageSessionNoLongerReadsTheAdminApi() {
		String other = unique("admin");
		long otherId = client.createUser(other, "admin-password-2", "admin", null, List.of());
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), other, "admin-password-2");
		assertThat(session.get("/api/v1/users", "application/json").status()).isEqualTo(200);

		client.admin("PATCH", "/api/v1/users/" + otherId, Map.of("role", "agent"));

		assertThat(session.get("/api/v1/users", "application/json").status()).isIn(401, 403);
	}

	@Test
	void aDeactivatedAgentsPageSessionNoLongerReadsTicketsOverTheApi() {
		long ticketA = openTicket(queueA, unique("mine"));
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);
		assertThat(session.get("/api/v1/tickets/" + ticketA, "application/json").status()).isEqualTo(200);

		client.admin("PATCH", "/api/v1/users/" + agentId, Map.of("active", false));

		assertThat(session.get("/api/v1/tickets/" + ticketA, "application/json").status()).isEqualTo(401);
	}

	@Test
	void anOldPasswordOpensNoChannelOnceAnAdministratorChangedIt() {
		long ticketA = openTicket(queueA, unique("mine"));
		assertThat(client.legacy("list_queues", Map.of("user", agent, "password", PASSWORD)).status()).isEqualTo(200);
		assertThat(client.request("GET", "/api/v1/tickets/" + ticketA, agent, PASSWORD, null).status()).isEqualTo(200);

		client.admin("PATCH", "/api/v1/users/" + agentId, Map.of("password", "a-new-password-9"));

		assertThat(client.legacy("list_queues", Map.of("user", agent, "password", PASSWORD)).status()).isEqualTo(403);
		assertThat(client.request("GET", "/api/v1/tickets/" + ticketA, agent, PASSWORD, null).status()).isEqualTo(401);
		assertThat(client.request("GET", "/api/v1/tickets/" + ticketA, agent, "a-new-password-9", null).status())
			.isEqualTo(200);
	}

	@Test
	void aPageSessionCannotChangeAnythingOverTheApi() {
		long ticketA = openTicket(queueA, unique("mine"));
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);

		session.get("/tickets/" + ticketA);
		var cc = session.post("/api/v1/tickets/" + ticketA + "/ccs", Map.of("email", "someone@example.test"));

		assertThat(cc.status()).isEqualTo(401);
		assertThat(session.get("/api/v1/tickets/" + ticketA, "application/json").body())
			.doesNotContain("someone@example.test");
	}

	@Test
	void anAgentOfOneQueueReachesNoTicketOfAnotherThroughTheApi() {
		long ticketB = openTicket(queueB, unique("theirs"));

		assertThat(client.request("GET", "/api/v1/tickets/" + ticketB, agent, PASSWORD, null).status()).isEqualTo(404);
		assertThat(client.request("POST", "/api/v1/tickets/" + ticketB + "/ccs", agent, PASSWORD,
				"{\"email\":\"spy@example.test\"}").status()).isEqualTo(404);
		assertThat(client.ticket(ticketB).toString()).doesNotContain("spy@example.test");
	}

	@Test
	void anAgentOfOneQueueCannotTieOrMergeItsTicketsWithAnotherQueues() {
		long ticketA = openTicket(queueA, unique("mine"));
		String theirs = unique("theirs");
		long ticketB = openTicket(queueB, theirs);
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);

		session.get("/tickets/" + ticketA);
		session.post("/tickets/" + ticketA + "/dependencies", Map.of("depends_on", String.valueOf(ticketB)));
		session.get("/tickets/" + ticketA);
		session.post("/tickets/" + ticketA + "/merge", Map.of("target", String.valueOf(ticketB)));
		session.get("/tickets?status=open");
		session.post("/tickets/bulk", Map.of("ticket", String.valueOf(ticketA), "action", "merge",
				"target", String.valueOf(ticketB)));

		assertThat(session.get("/tickets/" + ticketA).body()).doesNotContain(theirs);
		assertThat(client.ticket(ticketA).get("status").asString()).isEqualToIgnoringCase("open");
		assertThat(client.ticket(ticketB).get("followups")).hasSize(1);
	}

	private long openTicket(long queue, String title) {
		String slug = client.admin("GET", "/api/v1/queues/" + queue, null).json().get("slug").asString();
		Response created = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				slug, "title", title, "submitter_email", "customer@example.test", "body", "Please help"));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return Long.parseLong(created.body().trim());
	}
}
