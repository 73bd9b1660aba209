package org.helpdesk.web.list;

import java.util.EnumSet;
import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.Dates;
import org.helpdesk.notification.OutboxAdministration;
import org.helpdesk.notification.SmtpStatus;
import org.helpdesk.ticketlist.OwnerFilter;
import org.helpdesk.ticketlist.TicketPage;
import org.helpdesk.ticketlist.TicketQuery;
import org.helpdesk.ticketlist.TicketSearch;
import org.helpdesk.ticketlist.TicketSort;
import org.helpdesk.ticketlist.TicketCounts;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The agent's start page: their open tickets, unassigned ones in their queues, what changed lately, and how many
 * tickets each queue holds per status. Every table and number leads to the ticket list filtered the same way.
 */
@Controller
class DashboardController {

	/** A dashboard table: its tickets and the list link that shows all of them. */
	public record Panel(String id, TicketPage page, String link) {
	}

	private static final int ROWS = 10;

	private final TicketSearch search;

	private final TicketCounts counts;

	private final Dates dates;

	private final SetupChecklist setup;

	private final SmtpStatus smtp;

	private final OutboxAdministration outbox;

	DashboardController(TicketSearch search, TicketCounts counts, Dates dates, SetupChecklist setup, SmtpStatus smtp,
			OutboxAdministration outbox) {
		this.search = search;
		this.counts = counts;
		this.dates = dates;
		this.setup = setup;
		this.smtp = smtp;
		this.outbox = outbox;
	}

	@GetMapping("/dashboard")
	String dashboard(@SignedIn Account me, Model model) {
		var active = TicketQuery.DEFAULT_STATUSES;
		model.addAttribute("mine", panel("mine", query(active, OwnerFilter.ME, TicketSort.MODIFIED), me));
		model.addAttribute("unassigned",
				panel("unassigned", query(active, OwnerFilter.UNASSIGNED, TicketSort.CREATED), me));
		model.addAttribute("recent", panel("recent",
				query(EnumSet.allOf(TicketStatus.class), OwnerFilter.ANYONE, TicketSort.MODIFIED), me));
		model.addAttribute("counts", counts.perQueue(me));
		model.addAttribute("statuses", List.of(TicketStatus.values()));
		model.addAttribute("allStatuses", ListLinks.list(query(EnumSet.allOf(TicketStatus.class), OwnerFilter.ANYONE,
				TicketSort.CREATED).withPageSize(TicketQuery.PAGE_SIZES.get(0))));
		adminNotes(me, model);
		return "web/list/dashboard";
	}

	/** Only administrators can finish the setup or configure SMTP, so only they are told what is missing. */
	private void adminNotes(Account me, Model model) {
		if (!me.isAdmin()) {
			return;
		}
		SetupChecklist.Checklist checklist = setup.current();
		if (!checklist.finished()) {
			model.addAttribute("setup", checklist);
		}
		if (!smtp.configured()) {
			model.addAttribute("mailWaiting", outbox.counts().queued());
		}
	}

	private Panel panel(String id, TicketQuery query, Account me) {
		TicketPage page = search.search(query, TicketPage.Position.FIRST, me, dates.zone());
		return new Panel(id, page, ListLinks.list(query.withPageSize(TicketQuery.PAGE_SIZES.get(0))));
	}

	private static TicketQuery query(java.util.Set<TicketStatus> statuses, OwnerFilter owner, TicketSort sort) {
		return TicketQuery.of(statuses, owner, sort, true, ROWS);
	}
}
