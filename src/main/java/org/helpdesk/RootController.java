package org.helpdesk;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Until the web UI exists, the front door leads to the API help.
 */
@Controller
class RootController {

	@GetMapping("/")
	String root() {
		return "redirect:/api/help/";
	}
}
