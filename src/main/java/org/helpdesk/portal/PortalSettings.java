package org.helpdesk.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Spam protection of the public submit form. The limits count accepted submissions in memory, per node, within a
 * sliding window; they are lost on restart, which is acceptable for a brake on floods.
 *
 * @param submissionsPerAddress tickets one submitter e-mail address may open per window (default 5)
 * @param submissionsPerClient tickets one client IP address may open per window (default 20); behind a reverse
 * proxy, set {@code server.forward-headers-strategy} so that the client's address is seen, not the proxy's
 * @param submissionWindow how far back both limits count (default 1h)
 */
@ConfigurationProperties("helpdesk.portal")
public record PortalSettings(@DefaultValue("5") int submissionsPerAddress,
		@DefaultValue("20") int submissionsPerClient, @DefaultValue("1h") Duration submissionWindow) {
}
