package org.helpdesk.webhook;

import java.util.Optional;

/** An endpoint just registered or changed, with its secret when it was just made (the only time it is shown). */
public record WebhookWithSecret(WebhookEndpoint endpoint, Optional<String> secret) {
}
