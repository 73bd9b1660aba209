package org.helpdesk.web.list;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.Dates;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticketlist.SavedView;
import org.helpdesk.ticketlist.SavedViews;
import org.helpdesk.ticketlist.SearchFreshness;
import org.helpdesk.ticketlist.TicketPage;
import org.helpdesk.ticketlist.TicketQuery;
import org.helpdesk.ticketlist.TicketSearch;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ticket list: the filter lives in the URL (so it can be bookmarked and shared), or comes from a saved view
 * ({@code ?view=<id>}, own or shared ones only).
 */
@Controller
class TicketListController {

	private final TicketSearch search;

	private final SavedViews views;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final Dates dates;

	private final SearchFreshness searchFreshness;

	TicketListController(TicketSearch search, SavedViews views, QueueManagement queues, AccountManagement accounts,
			Dates dates, SearchFreshness searchFreshness) {
		this.search = search;
		this.views = views;
		this.queues = queues;
		this.accounts = accounts;
		this.dates = dates;
		this.searchFreshness = searchFreshness;
	}

	@GetMapping("/tickets")
	String list(@SignedIn Account me, @RequestParam MultiValueMap<String, String> parameters, Model model) {
		Optional<SavedView> view = Optional.empty();
		TicketQuery.Parsed parsed;
		if (parameters.containsKey("view")) {
			view = Optional.of(openView(parameters.getFirst("view"), me));
			parsed = TicketQuery.parse(view.get().query());
		}
		else {
			parsed = TicketQuery.parse(parameters);
		}
		TicketQuery query = parsed.query();
		TicketPage page = search.search(query, position(parameters), me, dates.zone());
		model.addAttribute("query", query);
		model.addAttribute("ignored", parsed.ignored());
		model.addAttribute("page", page);
		model.addAttribute("links", new ListLinks(query, page));
		model.addAttribute("currentView", view.orElse(null));
		model.addAttribute("views", views.available(me));
		model.addAttribute("me", me);
		if (me.isAdmin()) {
			// how far this node's search index trails the change log, for the people who run the helpdesk
			model.addAttribute("searchStatus", searchFreshness.current());
		}
		addChoices(me, model);
		return "web/list/tickets";
	}

	private SavedView openView(String id, Account me) {
		return ListParameters.id(id).flatMap(v -> views.find(v, me))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** What the filter and bulk forms offer: the reader's queues, the statuses, priorities and staff. */
	private void addChoices(Account me, Model model) {
		model.addAttribute("queues", queues.list().stream().filter(q -> me.canAccessQueue(q.id())).toList());
		model.addAttribute("statuses", List.of(TicketStatus.values()));
		model.addAttribute("priorities", List.of(1, 2, 3, 4, 5));
		model.addAttribute("pageSizes", TicketQuery.PAGE_SIZES);
		model.addAttribute("staff", accounts.list().stream().filter(Account::isStaff)
			.sorted(Comparator.comparing(a -> a.displayName().toLowerCase(java.util.Locale.ROOT)))
			.toList());
	}

	private static TicketPage.Position position(MultiValueMap<String, String> parameters) {
		Long after = ListParameters.id(parameters.getFirst("after")).orElse(null);
		Long before = after != null ? null : ListParameters.id(parameters.getFirst("before")).orElse(null);
		if (after == null && before == null) {
			return TicketPage.Position.FIRST;
		}
		return new TicketPage.Position(after, before, ListParameters.pageNumber(parameters.getFirst("page")));
	}
}
