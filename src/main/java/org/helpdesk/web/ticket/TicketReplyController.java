package org.helpdesk.web.ticket;

import java.util.ArrayList;
import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.Dates;
import org.helpdesk.core.FieldProblem;
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

	/** Takes the ticket as the page showed it: if someone changed it since (gave it to someone, say), it is refused. */
	@PostMapping("/tickets/{id}/take")
	String take(@PathVariable long id, @RequestParam(required = false) String version, @SignedIn Account me,
			Model model) {
		page.ticket(id, me);
		try {
			updates.update(id, TicketUpdate.assign(me.id()).basedOn(seenVersion(version)), me);
			return "redirect:/tickets/" + id;
		}
		catch (InvalidInput | Conflict ex) {
			return page.refused(id, me, model, ex);
		}
	}

	private static int seenVersion(String version) {
		List<FieldProblem> problems = new ArrayList<>();
		Integer seen = TicketForms.number("version", version, problems);
		if (seen == null) {
			throw new InvalidInput(problems.isEmpty() ? List.of(new FieldProblem("version", "is required")) : problems);
		}
		return seen;
	}
}
