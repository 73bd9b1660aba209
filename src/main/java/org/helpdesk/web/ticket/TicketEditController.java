package org.helpdesk.web.ticket;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.Dates;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.TicketChangedConcurrently;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketEdits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Correcting a ticket's title, description, submitter, priority and due date, with history and optimistic locking.
 */
@Controller
class TicketEditController {

	static final String VIEW = "web/ticket/edit";

	private final TicketPage page;

	private final Refusals refusals;

	private final TicketEdits edits;

	private final Dates dates;

	TicketEditController(TicketPage page, TicketEdits edits, Dates dates, Refusals refusals) {
		this.page = page;
		this.refusals = refusals;
		this.edits = edits;
		this.dates = dates;
	}

	@GetMapping("/tickets/{id}/edit")
	String form(@PathVariable long id, @SignedIn Account me, Model model) {
		TicketDetails ticket = page.ticket(id, me);
		model.addAttribute("edit", EditForm.of(ticket, page.version(id, me), page.dueInput(ticket)));
		return show(ticket, model);
	}

	@PostMapping("/tickets/{id}/edit")
	String save(@PathVariable long id, @ModelAttribute("edit") EditForm edit, @SignedIn Account me, Model model) {
		TicketDetails ticket = page.ticket(id, me);
		try {
			edits.edit(id, edit.toEdit(ticket, page.dueInput(ticket), dates.zone()), me);
			return "redirect:/tickets/" + id;
		}
		catch (TicketChangedConcurrently ex) {
			model.addAttribute("edit", edit.withVersion(page.version(id, me)));
			refusals.describe(ex, model);
			return show(ticket, model);
		}
		catch (InvalidInput | Conflict ex) {
			refusals.describe(ex, model);
			return show(ticket, model);
		}
	}

	private String show(TicketDetails ticket, Model model) {
		model.addAttribute("ticket", ticket);
		model.addAttribute("priorities", TicketPage.priorities());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
		return VIEW;
	}
}
