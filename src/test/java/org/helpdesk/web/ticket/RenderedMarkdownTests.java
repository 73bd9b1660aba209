package org.helpdesk.web.ticket;

import java.util.List;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.queue.QueueDraft;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.ticket.OpenTicket;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an agent sees of a follow-up written in Markdown on the ticket page, over real HTTP.
 */
abstract class RenderedMarkdownTests extends FullStackTest {

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketUpdates updates;

	@Autowired
	QueueManagement queues;

	@Autowired
	AccountManagement accounts;

	@Test
	void aFollowUpWithATableAndAQuoteShowsThemOnTheTicketPage() {
		long queue = queues.create(new QueueDraft("Support", unique("md"), null, null, null, null, null, null, null,
				null)).id();
		String username = unique("agent");
		Account agent = accounts.create(new NewAccount(username, "agent-password-1", null, "Ada", "Agent", "agent",
				Set.of(queue), false, true), null);
		long id = tickets.open(OpenTicket.of(queue, "Printers", "Which printers?").from("customer@example.test"), agent);
		long followUp = updates.update(id, TicketUpdate.comment("""
				> which printers are broken?

				| Printer | Floor |
				| --- | --- |
				| HP 4 | 7 |

				See [the other one](#%d), not `#%d`.
				""".formatted(id, id), false), agent).orElseThrow();

		String body = BrowserlessSession.signedIn(client.base(), username, "agent-password-1").get("/tickets/" + id)
			.body();

		String entry = body.substring(body.indexOf("id=\"followup-" + followUp + "\""));
		entry = entry.substring(0, entry.indexOf("</li>"));
		assertThat(entry).contains("<blockquote>", "<table>", "<th>Printer</th>", "<td>HP 4</td>",
				"<a href=\"#" + id + "\" rel=\"nofollow noopener noreferrer\">the other one</a>", "<code>#" + id + "</code>");
	}
}
