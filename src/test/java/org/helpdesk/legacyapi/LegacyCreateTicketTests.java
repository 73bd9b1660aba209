package org.helpdesk.legacyapi;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.helpdesk.support.HelpdeskClient.FilePart;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * create_ticket over real HTTP: what it stores, what it answers, and every way it refuses bad input.
 */
abstract class LegacyCreateTicketTests extends LegacyApiSupport {

	private Response create(String... keyValues) {
		var fields = as("queue", String.valueOf(queue), "title", unique("Invoice "));
		for (int i = 0; i < keyValues.length; i += 2) {
			fields.put(keyValues[i], keyValues[i + 1]);
		}
		return client.legacy("create_ticket", fields);
	}

	@Test
	void answersTheNewIdAsPlainTextAndOpensTheTicket() {
		String title = unique("Printer on fire ");

		Response response = create("title", title, "body", "Smoke everywhere");

		assertThat(response.body()).matches("\\d+");
		assertPlainText(response, 200, response.body());
		long id = Long.parseLong(response.body());
		JsonNode ticket = client.ticket(id);
		assertThat(ticket.get("id").asLong()).isEqualTo(id);
		assertThat(ticket.get("queue").asLong()).isEqualTo(queue);
		assertThat(ticket.get("ref").asString()).isEqualTo(slug + "-" + id);
		assertThat(ticket.get("title").asString()).isEqualTo(title);
		assertThat(ticket.get("description").asString()).isEqualTo("Smoke everywhere");
		assertThat(ticket.get("status").asString()).isEqualTo("open");
		assertThat(ticket.get("priority").asInt()).isEqualTo(3);
		assertThat(ticket.get("on_hold").asBoolean()).isFalse();
		JsonNode opening = ticket.get("followups").get(0);
		assertThat(ticket.get("followups")).hasSize(1);
		assertThat(opening.get("title").asString()).isEqualTo("Ticket Opened");
		assertThat(opening.get("comment").asString()).isEqualTo("Smoke everywhere");
		assertThat(opening.get("public").asBoolean()).isTrue();
		assertThat(opening.get("user").asLong()).isEqualTo(agentId);
	}

	@Test
	void theQueueMayBeNamedByItsSlug() {
		Response response = create("queue", slug);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(client.ticket(Long.parseLong(response.body())).get("queue").asLong()).isEqualTo(queue);
	}

	@ParameterizedTest
	@ValueSource(strings = { "999999", "no-such-queue", "99999999999999999999999" })
	void anUnknownQueueIsABadRequest(String unknown) {
		assertBadRequest(create("queue", unknown), "queue: no such queue");
	}

	@Test
	void aQueueIsRequired() {
		var fields = as("title", "No queue");
		Response response = client.legacy("create_ticket", fields);

		assertCleanError(response, 400);
		assertThat(response.body()).startsWith("queue: ");
	}

	@Test
	void aTitleIsRequiredAndMayNotBeBlank() {
		var withoutTitle = as("queue", String.valueOf(queue));
		assertBadRequest(client.legacy("create_ticket", withoutTitle), "title: is required");
		assertBadRequest(create("title", "   "), "title: is required");
	}

	@Test
	void aTitleOf200CharactersIsStoredTrimmedButOneOf201IsRefused() {
		String longest = "T" + "x".repeat(198) + "Z";

		Response accepted = create("title", "  " + longest + "  ");
		Response refused = create("title", longest + "!");

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(client.ticket(Long.parseLong(accepted.body())).get("title").asString()).isEqualTo(longest);
		assertBadRequest(refused, "title: must be at most 200 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-address", "bob@", "bob@example", "a b@example.com", "<bob@example.com>" })
	void anInvalidSubmitterAddressIsRefused(String address) {
		assertBadRequest(create("submitter_email", address), "submitter_email: is not a valid e-mail address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "6", "abc", "-1", "2.5", "99999999999999999999" })
	void aPriorityOutsideOneToFiveIsRefused(String priority) {
		assertBadRequest(create("priority", priority), "priority: must be an integer from 1 (critical) to 5 (very low)");
	}

	@Test
	void aGivenPriorityIsKeptAndABlankOneMeansNormal() {
		Response critical = create("priority", "1");
		Response blank = create("priority", "");

		assertThat(client.ticket(Long.parseLong(critical.body())).get("priority").asInt()).isEqualTo(1);
		assertThat(client.ticket(Long.parseLong(blank.body())).get("priority").asInt()).isEqualTo(3);
	}

	@Test
	void anAssignedAgentIsNamedInTheOpeningFollowUp() {
		String owner = unique("owner");
		long ownerId = client.createUser(java.util.Map.of("username", owner, "password", PASSWORD, "role", "agent",
				"first_name", "Olga", "last_name", "Owner"));

		Response response = create("assigned_to", String.valueOf(ownerId));

		JsonNode ticket = client.ticket(Long.parseLong(response.body()));
		assertThat(ticket.get("assigned_to").asLong()).isEqualTo(ownerId);
		assertThat(ticket.get("followups").get(0).get("title").asString())
			.isEqualTo("Ticket Opened & Assigned to Olga Owner");
	}

	@Test
	void theOwnerMustBeAnActiveAgentWhoMayUseTheQueue() {
		long elsewhere = client.createQueue(unique("other"));
		long limited = client.createUser(unique("limited"), PASSWORD, "agent", null, List.of(elsewhere));
		long customer = client.createUser(unique("customer"), PASSWORD, "user", null, List.of());
		long retired = client.createUser(java.util.Map.of("username", unique("retired"), "password", PASSWORD,
				"role", "agent", "active", false));
		String reason = "assigned_to: must be the id of an active agent with access to the queue";

		assertBadRequest(create("assigned_to", "999999"), reason);
		assertBadRequest(create("assigned_to", String.valueOf(limited)), reason);
		assertBadRequest(create("assigned_to", String.valueOf(customer)), reason);
		assertBadRequest(create("assigned_to", String.valueOf(retired)), reason);
		assertBadRequest(create("assigned_to", "olga"), "assigned_to: must be the numeric id of an agent (find_user gives it)");
	}

	@Test
	void dueDatesAreAcceptedAsIsoDatesAndDateTimes() {
		Response date = create("due_date", "2026-12-31");
		Response dateTime = create("due_date", "2026-12-31T17:00");
		Response withOffset = create("due_date", "2026-12-31T17:00:00+01:00");

		assertThat(client.ticket(Long.parseLong(date.body())).get("due_date").asString()).startsWith("2026-12-31T00:00");
		assertThat(client.ticket(Long.parseLong(dateTime.body())).get("due_date").asString()).startsWith("2026-12-31T17:00");
		assertThat(client.ticket(Long.parseLong(withOffset.body())).get("due_date").asString()).startsWith("2026-12-31T16:00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tomorrow", "31.12.2026", "2026-02-30", "2026-13-01", "2026-12-31T25:00" })
	void aDueDateThatIsNotIsoIsRefused(String due) {
		Response response = create("due_date", due);

		assertCleanError(response, 400);
		assertThat(response.body()).startsWith("due_date: ");
	}

	@Test
	void aDueDateBeyondWhatTheDatabaseCanHoldIsNeverAServerError() {
		String title = unique("Far future ");

		Response response = create("title", title, "due_date", "+999999999-12-31T23:59");

		assertThat(response.status()).as(response.body()).isIn(200, 400);
		if (response.status() == 200) {
			assertThat(client.ticket(Long.parseLong(response.body())).get("due_date").asString())
				.startsWith("+999999999-12-31T23:59");
		}
		else {
			assertCleanError(response, 400);
			assertThat(response.body()).startsWith("due_date: ");
			assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
		}
	}

	@Test
	void theDescriptionMayBeSentAsDescription() {
		Response response = create("description", "Sent as description");

		assertThat(client.ticket(Long.parseLong(response.body())).get("description").asString())
			.isEqualTo("Sent as description");
	}

	@Test
	void htmlAndScriptInTheBodyAreStoredVerbatim() {
		String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> & <b>bold</b>";

		Response response = create("body", hostile);

		assertThat(client.ticket(Long.parseLong(response.body())).get("description").asString()).isEqualTo(hostile);
	}

	@Test
	void everyProblemIsReportedOnItsOwnLine() {
		assertBadRequest(create("title", " ", "submitter_email", "nobody"), "title: is required",
				"submitter_email: is not a valid e-mail address");
	}

	@Test
	void malformedFieldsAndRuleViolationsAreReportedTogether() {
		assertBadRequest(create("title", "", "priority", "9", "due_date", "soon"), "title: is required",
				"priority: must be an integer from 1 (critical) to 5 (very low)",
				"due_date: must be an ISO-8601 date (2026-12-31) or date-time (2026-12-31T17:00)");
	}

	@Test
	void anAttachmentIsStoredWithTheOpeningFollowUpAndCanBeDownloaded() {
		byte[] content = "Toner level: 0%\n".getBytes(StandardCharsets.UTF_8);
		var fields = as("queue", String.valueOf(queue), "title", unique("With log "), "body", "see log");

		Response response = client.multipart("/api/create_ticket/", fields,
				List.of(new FilePart("attachment", "printer.log", "text/plain", content)));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		long id = Long.parseLong(response.body());
		JsonNode attachments = followUps(id).get(0).get("attachments");
		assertThat(attachments).hasSize(1);
		assertThat(attachments.get(0).get("filename").asString()).isEqualTo("printer.log");
		var download = client.download("/api/v1/tickets/" + id + "/attachments/" + attachments.get(0).get("id").asLong(),
				agent, PASSWORD);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(content);
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
			.contains("printer.log");
	}

	@Test
	void anHtmlAttachmentIsRefusedAndNoTicketIsCreated() {
		String title = unique("Phishing ");
		long ticketsBefore = count("select count(*) from ticket");
		var fields = as("queue", String.valueOf(queue), "title", title);

		Response response = client.multipart("/api/create_ticket/", fields,
				List.of(new FilePart("attachment", "invoice.html", "text/html", "<script>x</script>".getBytes())));

		assertBadRequest(response, "attachment: Unsupported file extension: .html");
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
		assertThat(count("select count(*) from ticket")).isEqualTo(ticketsBefore);
	}

	@Test
	void aSuccessfulTicketQueuesTheSubmittersConfirmation() {
		String submitter = unique("bob") + "@example.test";

		create("submitter_email", submitter);

		assertThat(count("select count(*) from mail_outbox where recipient = ?", submitter)).isPositive();
	}

	@Test
	void aRefusedTicketLeavesNoTicketNoFollowUpAndNoMail() {
		String title = unique("Refused ");
		String body = unique("body ");
		String submitter = unique("bob") + "@example.test";
		long followUpsBefore = count("select count(*) from followup");
		long mailsBefore = count("select count(*) from mail_outbox");

		Response response = client.multipart("/api/create_ticket/",
				as("queue", String.valueOf(queue), "title", title, "body", body, "submitter_email", submitter),
				List.of(new FilePart("attachment", "page.htm", "text/html", "<p>x</p>".getBytes())));

		assertCleanError(response, 400);
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
		assertThat(count("select count(*) from followup where comment = ?", body)).isZero();
		assertThat(count("select count(*) from mail_outbox where recipient = ?", submitter)).isZero();
		assertThat(count("select count(*) from followup")).isEqualTo(followUpsBefore);
		assertThat(count("select count(*) from mail_outbox")).isEqualTo(mailsBefore);
	}

	@Test
	void unknownExtraFieldsAreIgnored() {
		Response response = create("frobnicate", "1", "custom", "x", "status", "closed");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(client.ticket(Long.parseLong(response.body())).get("status").asString()).isEqualTo("open");
	}
}
