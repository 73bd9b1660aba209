package org.helpdesk.portal;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A signed-in customer's own tickets: those submitted with their account's e-mail address.
 */
@Controller
class MyTicketsController {

	private final CustomerTicketViews views;

	MyTicketsController(CustomerTicketViews views) {
		this.views = views;
	}

	@GetMapping({ "/my-tickets", "/my-tickets/" })
	String myTickets(@SignedIn Account me, Model model) {
		if (me == null) {
			return "redirect:/login";
		}
		var tickets = views.submittedBy(me);
		model.addAttribute("me", me);
		model.addAttribute("tickets", tickets);
		model.addAttribute("limited", tickets.size() >= CustomerTicketViews.LIST_LIMIT);
		model.addAttribute("limit", CustomerTicketViews.LIST_LIMIT);
		return "portal/my-tickets";
	}
}
