package org.helpdesk.notification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.core.AfterCommit;
import org.helpdesk.core.BaseUrl;
import org.springframework.stereotype.Component;

/**
 * Mail to every active administrator with an address about the helpdesk itself (not about a ticket), written to
 * the outbox in the caller's transaction like all other mail, so it is sent even if the node stops right after.
 */
@Component
public class AdministratorMail {

	private final OutboxStore store;

	private final OutboxDispatcher dispatcher;

	private final AccountManagement accounts;

	private final NotificationSettings settings;

	private final BaseUrl baseUrl;

	AdministratorMail(OutboxStore store, OutboxDispatcher dispatcher, AccountManagement accounts,
			NotificationSettings settings, BaseUrl baseUrl) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.accounts = accounts;
		this.settings = settings;
		this.baseUrl = baseUrl;
	}

	/**
	 * Tells the administrators that the webhook endpoint {@code endpointId} at {@code url} was disabled because
	 * every attempt to deliver to it failed since {@code failingSince}; answers how many were mailed.
	 */
	public int webhookDisabled(long endpointId, String url, String failingSince, String lastError) {
		Map<String, String> values = new LinkedHashMap<>();
		String subject = "Webhook " + endpointId + " disabled";
		values.put("subject", subject);
		values.put("url", url);
		values.put("since", failingSince);
		values.put("error", lastError == null ? "" : lastError);
		values.put("link", baseUrl.get() + "/admin/webhooks");
		List<Account> admins = accounts.list().stream().filter(a -> a.isAdmin() && a.active() && a.hasEmail()).toList();
		for (Account admin : admins) {
			store.insertNotice(MailTemplate.WEBHOOK_DISABLED, MessageIds.next(System.currentTimeMillis(), host()),
					settings.from(), admin.email(), subject, new MailSnapshot(values));
		}
		AfterCommit.run(dispatcher::nudge);
		return admins.size();
	}

	private String host() {
		try {
			String host = URI.create(baseUrl.get()).getHost();
			return host == null || host.isBlank() ? "helpdesk" : host;
		}
		catch (IllegalArgumentException ex) {
			return "helpdesk";
		}
	}
}
