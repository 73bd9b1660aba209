package org.helpdesk.notification;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.internet.InternetAddress;
import org.helpdesk.core.BaseUrl;
import org.helpdesk.queue.Queue;
import org.helpdesk.ticket.TicketDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns news about a ticket into a mail for one recipient: subject, sender, links, a fresh Message-ID and both
 * bodies.
 */
@Component
class MailComposer {

	private static final String[] PRIORITIES = { "", "Critical", "High", "Normal", "Low", "Very Low" };

	private final MailRenderer renderer;

	private final Supplier<String> baseUrl;

	private final NotificationSettings settings;

	@Autowired
	MailComposer(MailRenderer renderer, BaseUrl baseUrl, NotificationSettings settings) {
		this(renderer, baseUrl::get, settings);
	}

	/** The base URL is read per mail because it is only known once the server has started on its port. */
	MailComposer(MailRenderer renderer, Supplier<String> baseUrl, NotificationSettings settings) {
		this.renderer = renderer;
		this.baseUrl = baseUrl;
		this.settings = settings;
	}

	OutgoingMail compose(Recipient recipient, TicketNews news) {
		TicketDetails ticket = news.ticket();
		String subject = subject(ticket, recipient.template());
		String link = recipient.template().isForStaff() ? baseUrl.get() + "/tickets/" + ticket.id() + "/"
				: news.mergedInto() != null ? mergedLink(news.mergedInto(), recipient.address())
				: publicLink(ticket, recipient.address());
		Map<String, Object> variables = variables(news, subject, link);
		if (news.mergedInto() != null) {
			variables.put("targetRef", news.mergedInto().ref());
			variables.put("targetTitle", news.mergedInto().title());
		}
		String name = recipient.template().fileName();
		return new OutgoingMail(ticket.id(), name, messageId(), sender(news.queue()), recipient.address(), subject,
				renderer.text(name, variables), renderer.html(name, variables));
	}

	/** Line breaks in a title would let it end the Subject header and start headers of its own. */
	static String subject(TicketDetails ticket, MailTemplate template) {
		String title = oneLine(ticket.title());
		return "[" + ticket.ref() + "] " + title + " (" + template.subjectSuffix() + ")";
	}

	/** The submitter's secret link; without a submitter the recipient's own address stands in for it. */
	private String publicLink(TicketDetails ticket, String recipient) {
		String email = ticket.submitterEmail() == null ? recipient : ticket.submitterEmail();
		return baseUrl.get() + "/view/?ticket=" + encode(ticket.ref()) + "&email=" + encode(email) + "&key="
				+ encode(ticket.secretKey());
	}

	/**
	 * The secret link of the ticket merged into, but only for its own submitter: the link carries that person's
	 * address and opens the ticket for whoever holds it. Anyone else gets the lookup page with the reference filled in.
	 */
	private String mergedLink(TicketDetails target, String recipient) {
		if (target.submitterEmail() != null && target.submitterEmail().trim().equalsIgnoreCase(recipient.trim())) {
			return publicLink(target, recipient);
		}
		return baseUrl.get() + "/view/?ticket=" + encode(target.ref());
	}

	private String sender(Queue queue) {
		if (queue.emailAddress() == null || queue.emailAddress().isBlank()) {
			return settings.from();
		}
		try {
			return new InternetAddress(queue.emailAddress().trim(), oneLine(queue.title()), "UTF-8").toString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
	}

	/** Unique across nodes and restarts, so that replies can later be threaded back onto the ticket. */
	private String messageId() {
		String host = null;
		try {
			host = URI.create(baseUrl.get()).getHost();
		}
		catch (IllegalArgumentException ex) {
			// a base URL we cannot parse still needs mail to go out; fall back to a fixed host part
		}
		return "<" + UUID.randomUUID() + "@" + (host == null || host.isBlank() ? "helpdesk" : host) + ">";
	}

	private static Map<String, Object> variables(TicketNews news, String subject, String link) {
		TicketDetails ticket = news.ticket();
		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", subject);
		variables.put("link", link);
		variables.put("ref", ticket.ref());
		variables.put("title", ticket.title());
		variables.put("queue", news.queue().title());
		variables.put("status", ticket.status().label());
		variables.put("priority", ticket.priority() >= 1 && ticket.priority() <= 5 ? PRIORITIES[ticket.priority()]
				: String.valueOf(ticket.priority()));
		variables.put("submitter", ticket.submitterEmail());
		variables.put("owner", news.ownerName() == null ? "Unassigned" : news.ownerName());
		variables.put("description", ticket.description());
		variables.put("comment", news.comment());
		variables.put("resolution", ticket.resolution());
		return variables;
	}

	private static String oneLine(String text) {
		return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").trim();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}
}
