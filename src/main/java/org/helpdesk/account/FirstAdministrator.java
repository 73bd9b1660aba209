package org.helpdesk.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start that finds no accounts, creates the first administrator. Without a configured password, a random one
 * is generated and printed once: the operator's only way in on a fresh install.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountManagement accounts;

	private final AdminSettings settings;

	FirstAdministrator(AccountManagement accounts, AdminSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean generated = settings.password() == null || settings.password().isEmpty();
		String password = generated ? randomPassword() : settings.password();
		if (accounts.createFirstAdmin(settings.username(), password)) {
			if (generated) {
				log.warn(banner(settings.username(), password));
			}
			else {
				log.info("Created the first administrator '{}' with the configured password", settings.username());
			}
		}
	}

	/**
	 * The password is shown once and nowhere else, so it must stand out in a log full of start-up lines: a framed block
	 * of its own lines, at WARN, that also says how to choose the password instead.
	 */
	static String banner(String username, String password) {
		String rule = "#".repeat(78);
		return String.join(System.lineSeparator(), "", rule, "#", "#   FIRST START: created the administrator account",
				"#", "#       username: " + username, "#       password: " + password, "#",
				"#   Sign in at /login and change this password at /account/settings.",
				"#   It is shown only this once. To choose it yourself, set HELPDESK_ADMIN_PASSWORD",
				"#   before the first start.", "#", rule);
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
