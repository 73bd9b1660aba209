package org.helpdesk.webhook;

import org.helpdesk.core.NotFound;

/** No endpoint (or delivery) with that id. */
public class WebhookNotFound extends NotFound {

	public WebhookNotFound(String what, long id) {
		super("No webhook " + what + " " + id);
	}
}
