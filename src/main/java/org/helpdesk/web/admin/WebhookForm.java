package org.helpdesk.web.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.webhook.NewWebhook;

/**
 * The form that registers a webhook endpoint, as typed. No kind ticked means every kind of change, no queue ticked
 * every queue; an empty secret is generated.
 */
record WebhookForm(String url, List<String> events, List<String> queues, String secret) {

	static WebhookForm empty() {
		return new WebhookForm("", List.of(), List.of(), "");
	}

	NewWebhook command() {
		Set<Long> ids = new LinkedHashSet<>();
		for (String queue : queues == null ? List.<String>of() : queues) {
			try {
				ids.add(Long.valueOf(Input.withoutSurroundingSpace(queue)));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInput("queues", UserForm.NO_SUCH_QUEUE);
			}
		}
		Set<String> kinds = new LinkedHashSet<>(events == null ? List.of() : events);
		return new NewWebhook(url, kinds, ids, Optional.ofNullable(secret).filter(s -> !s.isBlank()), true);
	}

	public boolean limitedTo(long queueId) {
		return queues != null && queues.contains(String.valueOf(queueId));
	}

	public boolean wants(String kind) {
		return events != null && events.contains(kind);
	}
}
