package org.helpdesk.web.list;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticketlist.SavedViews;
import org.helpdesk.ticketlist.TicketQuery;
import org.helpdesk.web.Reasons;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saving the current filter of the ticket list under a name, and deleting one's own saved views.
 */
@Controller
class SavedViewController {

	private final SavedViews views;

	private final Reasons reasons;

	SavedViewController(SavedViews views, Reasons reasons) {
		this.views = views;
		this.reasons = reasons;
	}

	/** {@code query} is the list's query string; it is parsed again, so only a valid filter is ever stored. */
	@PostMapping("/tickets/views")
	String save(@SignedIn Account me, @RequestParam(required = false) String title,
			@RequestParam(required = false) String shared, @RequestParam(required = false) String query,
			RedirectAttributes redirect) {
		TicketQuery filter = TicketQuery.parse(query).query();
		try {
			long id = views.save(title, shared != null, filter, me);
			return "redirect:/tickets?view=" + id;
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("viewProblems",
					ex.problems().stream().map(p -> reasons.translate(p.reason())).toList());
			return "redirect:" + ListLinks.list(filter);
		}
	}

	@PostMapping("/tickets/views/{id}/delete")
	String delete(@SignedIn Account me, @PathVariable String id, RedirectAttributes redirect) {
		long viewId = ListParameters.id(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!views.delete(viewId, me)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("viewDeleted", true);
		return "redirect:/tickets";
	}
}
