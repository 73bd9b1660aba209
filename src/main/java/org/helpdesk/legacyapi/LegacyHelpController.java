package org.helpdesk.legacyapi;

import org.helpdesk.core.BaseUrl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The help page of the legacy API, with this server's real address in every example.
 */
@Controller
class LegacyHelpController {

	private final BaseUrl baseUrl;

	LegacyHelpController(BaseUrl baseUrl) {
		this.baseUrl = baseUrl;
	}

	@RequestMapping({ "/api", "/api/", "/api/help", "/api/help/" })
	String help(Model model) {
		model.addAttribute("base", baseUrl.get());
		return "legacyapi/help";
	}
}
