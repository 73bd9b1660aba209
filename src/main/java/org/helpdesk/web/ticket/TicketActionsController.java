package org.helpdesk.web.ticket;

import java.util.ArrayList;
import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.TicketEdits;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketReader;
import org.helpdesk.ticket.TicketRelations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The smaller actions on a ticket: hold, CCs, dependencies, merge, delete. Each checks that the reader may see the
 * ticket first (404 otherwise), then lets the ticket facades apply their rules; a refusal shows the page again.
 */
@Controller
class TicketActionsController {

	private final TicketPage page;

	private final TicketManagement tickets;

	private final TicketRelations relations;

	private final TicketEdits edits;

	private final TicketReader reader;

	TicketActionsController(TicketPage page, TicketManagement tickets, TicketRelations relations, TicketEdits edits,
			TicketReader reader) {
		this.page = page;
		this.tickets = tickets;
		this.relations = relations;
		this.edits = edits;
		this.reader = reader;
	}

	@PostMapping("/tickets/{id}/hold")
	String hold(@PathVariable long id, @SignedIn Account me, Model model) {
		return act(id, me, model, () -> tickets.hold(id, me));
	}

	@PostMapping("/tickets/{id}/unhold")
	String unhold(@PathVariable long id, @SignedIn Account me, Model model) {
		return act(id, me, model, () -> tickets.unhold(id, me));
	}

	@PostMapping("/tickets/{id}/cc")
	String addCc(@PathVariable long id, @RequestParam(required = false) String email, @SignedIn Account me,
			Model model) {
		model.addAttribute("ccEmail", email);
		return act(id, me, model, () -> tickets.addCc(id, email, me));
	}

	@PostMapping("/tickets/{id}/cc/remove")
	String removeCc(@PathVariable long id, @RequestParam(required = false) String email, @SignedIn Account me,
			Model model) {
		return act(id, me, model, () -> edits.removeCc(id, email, me));
	}

	@PostMapping("/tickets/{id}/dependencies")
	String addDependency(@PathVariable long id, @RequestParam(name = "depends_on", required = false) String dependsOn,
			@SignedIn Account me, Model model) {
		model.addAttribute("dependsOn", dependsOn);
		return act(id, me, model, () -> relations.addDependency(id, otherTicket("depends_on", dependsOn, me), me));
	}

	@PostMapping("/tickets/{id}/dependencies/{dependsOn}/remove")
	String removeDependency(@PathVariable long id, @PathVariable long dependsOn, @SignedIn Account me, Model model) {
		return act(id, me, model, () -> relations.removeDependency(id, dependsOn, me));
	}

	@PostMapping("/tickets/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) String target, @SignedIn Account me,
			Model model) {
		model.addAttribute("mergeTarget", target);
		page.ticket(id, me);
		try {
			long targetId = otherTicket("target", target, me);
			relations.merge(id, targetId, me);
			return "redirect:/tickets/" + targetId;
		}
		catch (InvalidInput | Conflict ex) {
			return page.refused(id, me, model, ex);
		}
	}

	@PostMapping("/tickets/{id}/delete")
	String delete(@PathVariable long id, @SignedIn Account me) {
		tickets.delete(id, me);
		return "redirect:/tickets?deleted=" + id;
	}

	private String act(long id, Account me, Model model, Runnable action) {
		page.ticket(id, me);
		try {
			action.run();
			return "redirect:/tickets/" + id;
		}
		catch (InvalidInput | Conflict ex) {
			return page.refused(id, me, model, ex);
		}
	}

	/** Another ticket named in a form; one the reader may not see is "no such ticket", not a 404 for this page. */
	private long otherTicket(String field, String value, Account me) {
		List<FieldProblem> problems = new ArrayList<>();
		Long other = TicketForms.id(field, value, problems);
		if (other == null && problems.isEmpty()) {
			problems.add(new FieldProblem(field, "is required"));
		}
		if (other != null && reader.visible(other, me).isEmpty()) {
			problems.add(new FieldProblem(field, "no such ticket"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return other;
	}
}
