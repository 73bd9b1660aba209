package org.helpdesk.portal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.attachment.Upload;
import org.helpdesk.attachment.Download;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.NotFound;
import org.helpdesk.ticket.CustomerAccess;
import org.helpdesk.ticket.CustomerTickets;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's view of their ticket behind its secret link (or the same three values typed into the lookup form),
 * with reply and accept. Without a matching key there is only the lookup form: no ticket data at all.
 */
@Controller
class CustomerViewController {

	private final CustomerTickets customers;

	private final CustomerTicketViews views;

	CustomerViewController(CustomerTickets customers, CustomerTicketViews views) {
		this.customers = customers;
		this.views = views;
	}

	@GetMapping({ "/view", "/view/" })
	String view(@RequestParam(required = false) String ticket, @RequestParam(required = false) String email,
			@RequestParam(required = false) String key, Model model, HttpServletResponse response) {
		CustomerAccess access = new CustomerAccess(ticket, email, key);
		if (access.isEmpty()) {
			return lookup(access, model);
		}
		Optional<CustomerTicket> found = views.view(access);
		if (found.isEmpty()) {
			return notFound(access, model, response);
		}
		// the address carries the key: keep it out of Referer headers and search engines
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		return page(found.get(), access, model);
	}

	@PostMapping("/view/reply")
	String reply(@RequestParam(required = false) String ticket, @RequestParam(required = false) String email,
			@RequestParam(required = false) String key, @RequestParam(required = false) String comment,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CustomerAccess access = new CustomerAccess(ticket, email, key);
		try {
			customers.reply(access, comment, Upload.chosen(files));
		}
		catch (NotFound missing) {
			return notFound(access, model, response);
		}
		catch (InvalidInput invalid) {
			response.setStatus(400);
			model.addAttribute("errors", FormErrors.of(invalid));
			model.addAttribute("comment", comment);
			return view(ticket, email, key, model, response);
		}
		redirect.addFlashAttribute("replied", true);
		return "redirect:" + access.link();
	}

	@PostMapping("/view/accept")
	String accept(@RequestParam(required = false) String ticket, @RequestParam(required = false) String email,
			@RequestParam(required = false) String key, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CustomerAccess access = new CustomerAccess(ticket, email, key);
		try {
			customers.accept(access);
		}
		catch (NotFound missing) {
			return notFound(access, model, response);
		}
		catch (Conflict refused) {
			response.setStatus(409);
			model.addAttribute("refused", true);
			return view(ticket, email, key, model, response);
		}
		redirect.addFlashAttribute("accepted", true);
		return "redirect:" + access.link();
	}

	@GetMapping("/view/attachment/{attachmentId}")
	ResponseEntity<Resource> attachment(@PathVariable long attachmentId, @RequestParam(required = false) String ticket,
			@RequestParam(required = false) String email, @RequestParam(required = false) String key) {
		CustomerDownload file = views.attachment(new CustomerAccess(ticket, email, key), attachmentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			return Download.of(file.filename(), file.mimeType(), file.size(), file.content().getInputStream());
		}
		catch (IOException gone) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/** The HTML body of a mail that made a public follow-up, through the sanitiser. */
	@GetMapping("/view/original/{attachmentId}")
	String original(@PathVariable long attachmentId, @RequestParam(required = false) String ticket,
			@RequestParam(required = false) String email, @RequestParam(required = false) String key, Model model,
			HttpServletResponse response) {
		CustomerAccess access = new CustomerAccess(ticket, email, key);
		model.addAttribute("original", views.original(access, attachmentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("access", access);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		return "portal/original";
	}

	private String page(CustomerTicket ticket, CustomerAccess access, Model model) {
		model.addAttribute("ticket", ticket);
		model.addAttribute("access", access);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		return "portal/ticket";
	}

	private String notFound(CustomerAccess access, Model model, HttpServletResponse response) {
		response.setStatus(404);
		model.addAttribute("notFound", true);
		return lookup(access, model);
	}

	// the key is not echoed back: a wrong one is no use, and a right one would not have ended here
	private String lookup(CustomerAccess access, Model model) {
		model.addAttribute("lookup", new CustomerAccess(access.ticket(), access.email(), null));
		return "portal/lookup";
	}
}
