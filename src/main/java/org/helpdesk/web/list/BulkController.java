package org.helpdesk.web.list;

import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.ticketlist.TicketQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk actions on the tickets ticked in the list. The facade checks every ticket on its own; the list then says
 * how many changed and which were skipped, and why.
 */
@Controller
class BulkController {

	/** What the list shows after a bulk action (a flash attribute, so it rides in the session). */
	public record BulkReport(String action, BulkResult result) implements java.io.Serializable {
	}

	private final BulkActions bulk;

	BulkController(BulkActions bulk) {
		this.bulk = bulk;
	}

	@PostMapping("/tickets/bulk")
	String apply(@SignedIn Account me, @RequestParam(name = "ticket", required = false) List<String> tickets,
			@RequestParam(required = false) String action, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String target, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		List<Long> ids = ListParameters.ids(tickets).orElseThrow(BulkController::badRequest);
		if (ids.size() > BulkActions.MAX_TICKETS) {
			throw badRequest();
		}
		String next = "redirect:" + ListLinks.list(TicketQuery.parse(back).query());
		if (ids.isEmpty()) {
			redirect.addFlashAttribute("bulkNothingSelected", true);
			return next;
		}
		String verb = action == null ? "" : action;
		BulkResult result = switch (verb) {
			case "take" -> bulk.take(ids, me);
			case "assign" -> bulk.assign(ids, ListParameters.id(owner).orElseThrow(BulkController::badRequest), me);
			case "close" -> bulk.close(ids, true, me);
			case "close-silently" -> bulk.close(ids, false, me);
			case "merge" -> bulk.merge(ids, blank(target) ? null
					: ListParameters.id(target).orElseThrow(BulkController::badRequest), me);
			case "delete" -> bulk.delete(ids, me);
			default -> throw badRequest();
		};
		redirect.addFlashAttribute("bulk", new BulkReport(verb, result));
		return next;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static ResponseStatusException badRequest() {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST);
	}
}
