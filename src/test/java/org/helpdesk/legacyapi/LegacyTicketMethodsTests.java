package org.helpdesk.legacyapi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.helpdesk.core.HelpdeskSettings;
import org.helpdesk.support.HelpdeskClient.FilePart;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hold_ticket, unhold_ticket, add_followup, resolve and delete_ticket over real HTTP.
 */
abstract class LegacyTicketMethodsTests extends LegacyApiSupport {

	@Autowired
	HelpdeskSettings settings;

	private List<String> titles(long ticket) {
		return StreamSupport.stream(followUps(ticket).spliterator(), false).map(f -> f.get("title").asString()).toList();
	}

	private JsonNode last(long ticket) {
		JsonNode all = followUps(ticket);
		return all.get(all.size() - 1);
	}

	@Test
	void holdingAndReleasingFlipTheFlagAndRecordWhoDidIt() {
		long id = openTicket();

		assertOk(call("hold_ticket", "ticket", String.valueOf(id)));
		assertThat(client.ticket(id).get("on_hold").asBoolean()).isTrue();
		assertThat(last(id).get("title").asString()).isEqualTo("Ticket placed on hold");
		assertThat(last(id).get("user").asLong()).isEqualTo(agentId);

		assertOk(call("unhold_ticket", "ticket", String.valueOf(id)));
		assertThat(client.ticket(id).get("on_hold").asBoolean()).isFalse();
		assertThat(last(id).get("title").asString()).isEqualTo("Ticket taken off hold");
	}

	@Test
	void repeatingHoldOrUnholdIsHarmlessAndRecordsNothingNew() {
		long id = openTicket();

		assertOk(call("hold_ticket", "ticket", String.valueOf(id)));
		assertOk(call("hold_ticket", "ticket", String.valueOf(id)));
		assertOk(call("unhold_ticket", "ticket", String.valueOf(id)));
		assertOk(call("unhold_ticket", "ticket", String.valueOf(id)));

		assertThat(titles(id)).containsExactly("Ticket Opened", "Ticket placed on hold", "Ticket taken off hold");
	}

	@Test
	void unholdingATicketThatWasNeverHeldChangesNothing() {
		long id = openTicket();

		assertOk(call("unhold_ticket", "ticket", String.valueOf(id)));

		assertThat(titles(id)).containsExactly("Ticket Opened");
	}

	@ParameterizedTest
	@ValueSource(strings = { "y", "Y", "yes", "YES", "true", "True", "1", " y " })
	void aFollowUpFlaggedPublicIsPublic(String flag) {
		long id = openTicket();

		assertOk(call("add_followup", "ticket", String.valueOf(id), "message", "Parts ordered", "public", flag));

		assertThat(last(id).get("title").asString()).isEqualTo("Comment Added");
		assertThat(last(id).get("comment").asString()).isEqualTo("Parts ordered");
		assertThat(last(id).get("public").asBoolean()).isTrue();
		assertThat(last(id).get("user").asLong()).isEqualTo(agentId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "n", "N", "no", "No", "false", "FALSE", "0", "" })
	void aFollowUpFlaggedNotPublicIsPrivate(String flag) {
		long id = openTicket();

		assertOk(call("add_followup", "ticket", String.valueOf(id), "message", "Internal note", "public", flag));

		assertThat(last(id).get("title").asString()).isEqualTo("Comment Added");
		assertThat(last(id).get("public").asBoolean()).isFalse();
	}

	@Test
	void aFollowUpWithoutPublicFlagIsPrivate() {
		long id = openTicket();

		assertOk(call("add_followup", "ticket", String.valueOf(id), "message", "Internal note"));

		assertThat(last(id).get("public").asBoolean()).isFalse();
	}

	@Test
	void anUnknownPublicFlagIsRefusedAndNothingIsAdded() {
		long id = openTicket();

		assertBadRequest(call("add_followup", "ticket", String.valueOf(id), "message", "Hm", "public", "maybe"),
				"public: Invalid 'public' flag");
		assertThat(titles(id)).containsExactly("Ticket Opened");
	}

	@Test
	void aBlankOrMissingMessageIsRefused() {
		long id = openTicket();

		assertBadRequest(call("add_followup", "ticket", String.valueOf(id), "message", "  \n "), "message: Blank message");
		assertBadRequest(call("add_followup", "ticket", String.valueOf(id)), "message: Blank message");
		assertThat(titles(id)).containsExactly("Ticket Opened");
	}

	@Test
	void resolvingSavesTheResolutionAndRecordsAPublicFollowUp() {
		long id = openTicket();

		assertOk(call("resolve", "ticket", String.valueOf(id), "resolution", "Replaced the <b>fuser</b>"));

		JsonNode ticket = client.ticket(id);
		assertThat(ticket.get("status").asString()).isEqualTo("resolved");
		assertThat(ticket.get("resolution").asString()).isEqualTo("Replaced the <b>fuser</b>");
		JsonNode followUp = last(id);
		assertThat(followUp.get("title").asString()).isEqualTo("Resolved");
		assertThat(followUp.get("comment").asString()).isEqualTo("Replaced the <b>fuser</b>");
		assertThat(followUp.get("public").asBoolean()).isTrue();
		assertThat(followUp.get("new_status").asString()).isEqualTo("resolved");
		assertThat(followUp.get("user").asLong()).isEqualTo(agentId);
	}

	@Test
	void aBlankResolutionIsRefusedAndTheTicketStaysOpen() {
		long id = openTicket();

		assertBadRequest(call("resolve", "ticket", String.valueOf(id), "resolution", " "), "resolution: Blank resolution");
		assertBadRequest(call("resolve", "ticket", String.valueOf(id)), "resolution: Blank resolution");
		assertThat(client.ticket(id).get("status").asString()).isEqualTo("open");
		assertThat(client.ticket(id).get("resolution").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "missing", "" })
	void deletingWithoutConfirmationIsRefusedAndKeepsTheTicket(String confirm) {
		long id = openTicket();
		var fields = as("ticket", String.valueOf(id));
		if (!confirm.equals("missing")) {
			fields.put("confirm", confirm);
		}

		assertBadRequest(client.legacy("delete_ticket", fields), "confirm: No confirmation provided");
		assertThat(client.admin("GET", "/api/v1/tickets/" + id, null).status()).isEqualTo(200);
	}

	@Test
	void deletingRemovesTheTicketItsAttachmentFilesAndLeavesAnAuditRecord() throws Exception {
		var fields = as("queue", String.valueOf(queue), "title", unique("Doomed "));
		Response created = client.multipart("/api/create_ticket/", fields,
				List.of(new FilePart("attachment", "notes.txt", "text/plain", "bye".getBytes(StandardCharsets.UTF_8))));
		long id = Long.parseLong(created.body());
		String ref = client.ticket(id).get("ref").asString();
		String key = jdbc.sql("select a.storage_key from attachment a join followup f on f.id = a.followup_id where f.ticket_id = ?")
			.param(id).query(String.class).single();
		Path file = settings.dataDir().toAbsolutePath().normalize().resolve("attachments").resolve(key.substring(0, 2)).resolve(key);
		assertThat(Files.exists(file)).as("stored attachment " + file).isTrue();

		assertOk(call("delete_ticket", "ticket", String.valueOf(id), "confirm", "yes"));

		assertThat(client.admin("GET", "/api/v1/tickets/" + id, null).status()).isEqualTo(404);
		assertThat(Files.exists(file)).as("attachment file after deletion").isFalse();
		assertThat(count("select count(*) from followup where ticket_id = ?", id)).isZero();
		assertThat(count("select count(*) from audit_log where action = 'ticket.deleted' and target = ? and actor = ?",
				ref, agent)).isEqualTo(1);
		assertPlainText(call("hold_ticket", "ticket", String.valueOf(id)), 404, "Invalid ticket ID");
	}

	@ParameterizedTest
	@ValueSource(strings = { "hold_ticket", "unhold_ticket", "add_followup", "resolve", "delete_ticket" })
	void aMissingOrNonNumericTicketIdIsABadRequest(String method) {
		for (String bad : new String[] { null, "", "abc", "-1", "1e5", "12abc", "123456789012345678901234567890" }) {
			var fields = as("message", "m", "resolution", "r", "confirm", "yes");
			if (bad != null) {
				fields.put("ticket", bad);
			}
			assertPlainText(client.legacy(method, fields), 400, "ticket: a numeric ticket ID is required");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "hold_ticket", "unhold_ticket", "add_followup", "resolve", "delete_ticket" })
	void anUnknownTicketIdIsNotFound(String method) {
		Response response = call(method, "ticket", "999999999", "message", "m", "resolution", "r", "confirm", "yes");

		assertPlainText(response, 404, "Invalid ticket ID");
	}

	@ParameterizedTest
	@ValueSource(strings = { "hold_ticket", "unhold_ticket", "add_followup", "resolve", "delete_ticket" })
	void aTicketInAQueueTheAgentMayNotUseAnswersAsIfItDidNotExist(String method) {
		long id = openTicket();
		long otherQueue = client.createQueue(unique("mine"));
		String limited = unique("limited");
		client.createUser(limited, PASSWORD, "agent", null, List.of(otherQueue));
		if (method.equals("unhold_ticket")) {
			assertOk(call("hold_ticket", "ticket", String.valueOf(id)));
		}
		List<String> before = titles(id);

		Response response = client.legacy(method, withCredentials(limited, PASSWORD, "ticket", String.valueOf(id), "message", "m",
				"resolution", "r", "confirm", "yes"));

		assertPlainText(response, 404, "Invalid ticket ID");
		assertThat(titles(id)).isEqualTo(before);
		assertThat(client.ticket(id).get("status").asString()).isEqualTo("open");
	}
}
