package org.helpdesk.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates under {@code templates/mail/}: {@code .txt} as plain text, {@code .html} as HTML,
 * which escapes everything written with {@code th:text}. The engine is private to this class rather than a bean, so
 * Spring Boot still configures its own engine for the web pages.
 */
@Component
class MailRenderer {

	private static final String LOCATION = "templates/mail/";

	private final TemplateEngine engine = new SpringTemplateEngine();

	MailRenderer() {
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
	}

	/**
	 * The bodies of a claimed mail: rendered from its snapshot, or as stored for mail queued before rendering moved
	 * to the dispatcher. An unknown template, a garbled snapshot or a template error throws.
	 */
	MailBodies bodies(QueuedMail mail) {
		if (mail.snapshot().isEmpty()) {
			return new MailBodies(mail.bodyText(), mail.bodyHtml());
		}
		return render(MailTemplate.ofFileName(mail.template()), MailSnapshot.decode(mail.snapshot().get()));
	}

	/** Both bodies of a mail; a template that does not exist or fails to render throws. */
	MailBodies render(MailTemplate template, MailSnapshot snapshot) {
		Map<String, Object> variables = Map.copyOf(snapshot.values());
		return new MailBodies(text(template.fileName(), variables), html(template.fileName(), variables));
	}

	String text(String template, Map<String, Object> variables) {
		return engine.process(template + ".txt", new Context(Locale.ENGLISH, variables));
	}

	String html(String template, Map<String, Object> variables) {
		return engine.process(template + ".html", new Context(Locale.ENGLISH, variables));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
		resolver.setPrefix(LOCATION);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}
}
