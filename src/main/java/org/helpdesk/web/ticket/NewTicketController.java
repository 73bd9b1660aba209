package org.helpdesk.web.ticket;

import java.util.List;
import java.util.Map;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.Dates;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.TicketManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Agents open tickets for people who phoned or walked in, through the same facade as every other channel.
 */
@Controller
class NewTicketController {

	static final String VIEW = "web/ticket/new";

	private final TicketPage page;

	private final Refusals refusals;

	private final TicketManagement tickets;

	private final Dates dates;

	NewTicketController(TicketPage page, TicketManagement tickets, Dates dates, Refusals refusals) {
		this.page = page;
		this.refusals = refusals;
		this.tickets = tickets;
		this.dates = dates;
	}

	@GetMapping("/tickets/new")
	String form(@RequestParam(required = false) String queue, @SignedIn Account me, Model model) {
		model.addAttribute("form", NewTicketForm.blank(queue));
		model.addAttribute("customInput", Map.of());
		return show(me, model);
	}

	@PostMapping("/tickets/new")
	String open(@ModelAttribute("form") NewTicketForm form, @RequestParam Map<String, String> parameters,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments,
			@SignedIn Account me, Model model) {
		try {
			long id = tickets.open(form.toOpenTicket(parameters, dates.zone(), TicketForms.uploads(attachments)), me);
			return "redirect:/tickets/" + id;
		}
		catch (InvalidInput ex) {
			model.addAttribute("customInput", NewTicketForm.customValues(parameters));
			refusals.describe(ex, model);
			return show(me, model);
		}
	}

	private String show(Account me, Model model) {
		model.addAttribute("queues", page.usableQueues(me));
		model.addAttribute("owners", page.owners(null));
		model.addAttribute("priorities", TicketPage.priorities());
		model.addAttribute("customFields", page.customFieldDefinitions());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return VIEW;
	}
}
