package org.helpdesk.web.ticket;

import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.Dates;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.TicketChangedConcurrently;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Replying to a ticket and taking it: both go through {@link TicketUpdates}, like the JSON API, so the same
 * transition rules, dependency check, optimistic locking and mails apply.
 */
@Controller
class TicketReplyController {

	private final TicketPage page;

	private final TicketUpdates updates;

	private final Dates dates;

	TicketReplyController(TicketPage page, TicketUpdates updates, Dates dates) {
		this.page = page;
		this.updates = updates;
		this.dates = dates;
	}

	@PostMapping("/tickets/{id}/reply")
	String reply(@PathVariable long id, @ModelAttribute("reply") ReplyForm reply,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments,
			@SignedIn Account me, Model model) {
		TicketDetails ticket = page.ticket(id, me);
		try {
			TicketUpdate update = reply.toUpdate(ticket, page.dueInput(ticket), dates.zone(),
					TicketForms.uploads(attachments));
			updates.update(id, update, me);
			return "redirect:/tickets/" + id + "#timeline-end";
		}
		catch (TicketChangedConcurrently ex) {
			// keep what they wrote, on top of the ticket as it is now, so a second send is a deliberate one
			TicketDetails now = page.ticket(id, me);
			model.addAttribute("reply", reply.rebasedOn(now, page.version(id, me), page.dueInput(now)));
			return page.refused(id, me, model, ex);
		}
		catch (InvalidInput | Conflict ex) {
			return page.refused(id, me, model, ex);
		}
	}

	@PostMapping("/tickets/{id}/take")
	String take(@PathVariable long id, @SignedIn Account me, Model model) {
		page.ticket(id, me);
		try {
			updates.update(id, new TicketUpdate(null, false, null, me.id(), false, null, null, null, false, List.of(),
					null, null), me);
			return "redirect:/tickets/" + id;
		}
		catch (InvalidInput | Conflict ex) {
			return page.refused(id, me, model, ex);
		}
	}
}
