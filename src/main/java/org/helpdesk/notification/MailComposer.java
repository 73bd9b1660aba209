package org.helpdesk.notification;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import jakarta.mail.internet.InternetAddress;
import org.helpdesk.core.BaseUrl;
import org.helpdesk.queue.Queue;
import org.helpdesk.ticket.TicketDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns news about a ticket into a mail for one recipient: subject, sender, links, a fresh Message-ID and a snapshot
 * of what the mail shows. A customer's snapshot holds public text only: the comment of a public follow-up, and the
 * resolution only when it came from one. Rendering waits for the outbox dispatcher.
 */
@Component
class MailComposer {

	private static final String[] PRIORITIES = { "", "Critical", "High", "Normal", "Low", "Very Low" };

	private final Supplier<String> baseUrl;

	private final NotificationSettings settings;

	@Autowired
	MailComposer(BaseUrl baseUrl, NotificationSettings settings) {
		this(baseUrl::get, settings);
	}

	/** The base URL is read per mail because it is only known once the server has started on its port. */
	MailComposer(Supplier<String> baseUrl, NotificationSettings settings) {
		this.baseUrl = baseUrl;
		this.settings = settings;
	}

	OutgoingMail compose(Recipient recipient, TicketNews news, OptionalLong followUpId) {
		TicketDetails ticket = news.ticket();
		MailTemplate template = recipient.template();
		String subject = subject(ticket, template);
		String link = template.isForStaff() ? baseUrl.get() + "/tickets/" + ticket.id() + "/"
				: news.mergedInto().map(target -> mergedLink(target, recipient.address()))
					.orElseGet(() -> publicLink(ticket, recipient.address()));
		Map<String, String> values = shortValues(news, subject, link);
		news.mergedInto().ifPresent(target -> {
			values.put("targetRef", target.ref());
			values.put("targetTitle", target.title());
		});
		texts(template, news).forEach(values::put);
		MailThread thread = MailThread.of("<ticket-" + ticket.id() + "@" + host() + ">");
		thread = news.answers().map(thread::answering).orElse(thread);
		return new OutgoingMail(ticket.id(), followUpId, template, messageId(), sender(news.queue()),
				recipient.address(), subject, new MailSnapshot(values), thread, replyTo(news.queue()));
	}

	/** The longer texts the template shows, and for customers only what they may read. */
	private static Map<String, String> texts(MailTemplate template, TicketNews news) {
		Map<String, String> texts = new HashMap<>();
		boolean staff = template.isForStaff();
		TicketDetails ticket = news.ticket();
		if (template.shows(MailTemplate.Text.DESCRIPTION) && ticket.description() != null) {
			texts.put("description", ticket.description());
		}
		if (template.shows(MailTemplate.Text.COMMENT)) {
			news.followUp().filter(f -> staff || f.isPublic()).map(TicketNews.FollowUpText::comment)
				.ifPresent(comment -> texts.put("comment", comment));
		}
		if (template.shows(MailTemplate.Text.RESOLUTION)) {
			Optional<String> resolution = staff ? Optional.ofNullable(ticket.resolution()) : ticket.publicResolution();
			resolution.ifPresent(text -> texts.put("resolution", text));
		}
		return texts;
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
		return replyTo(queue).orElse(settings.from());
	}

	/** Answers go to the queue's own address, where the helpdesk reads them; a queue without one has no Reply-To. */
	private static Optional<String> replyTo(Queue queue) {
		if (queue.emailAddress() == null || queue.emailAddress().isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new InternetAddress(queue.emailAddress().trim(), oneLine(queue.title()), "UTF-8").toString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
	}

	/** Unique across nodes and restarts, so that replies can later be threaded back onto the ticket. */
	private String messageId() {
		return MessageIds.next(System.currentTimeMillis(), host());
	}

	/** The right-hand side of our Message-IDs: the helpdesk's host name. */
	private String host() {
		String host = null;
		try {
			host = URI.create(baseUrl.get()).getHost();
		}
		catch (IllegalArgumentException ex) {
			// a base URL we cannot parse still needs mail to go out; fall back to a fixed host part
		}
		return host == null || host.isBlank() ? "helpdesk" : host;
	}

	private static Map<String, String> shortValues(TicketNews news, String subject, String link) {
		TicketDetails ticket = news.ticket();
		Map<String, String> values = new HashMap<>();
		values.put("subject", subject);
		values.put("link", link);
		values.put("ref", ticket.ref());
		values.put("title", ticket.title());
		values.put("queue", news.queue().title());
		values.put("status", ticket.status().label());
		values.put("priority", ticket.priority() >= 1 && ticket.priority() <= 5 ? PRIORITIES[ticket.priority()]
				: String.valueOf(ticket.priority()));
		if (ticket.submitterEmail() != null) {
			values.put("submitter", ticket.submitterEmail());
		}
		values.put("owner", news.ownerName().orElse("Unassigned"));
		return values;
	}

	private static String oneLine(String text) {
		return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").trim();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}
}
