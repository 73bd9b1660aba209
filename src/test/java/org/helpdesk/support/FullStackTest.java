package org.helpdesk.support;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A helpdesk started on a random port and driven over real HTTP, mailing to the shared GreenMail server.
 * Subclasses choose the database with a {@code @DynamicPropertySource} calling {@link TestDatabases}. Rate limits
 * stay on, with a limit no suite reaches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"helpdesk.admin.username=" + FullStackTest.ADMIN, "helpdesk.admin.password=" + FullStackTest.ADMIN_PASSWORD,
		"helpdesk.security.password-hash-strength=4", "helpdesk.mail.from=helpdesk@example.test",
		"helpdesk.mail.poll-interval=100ms", "spring.mail.host=127.0.0.1",
		"spring.datasource.hikari.maximum-pool-size=6", "spring.datasource.hikari.minimum-idle=1",
		// suites share a context, and with it the admin's rate-limit bucket: a fast machine running the bad-input
		// tables right after other suites spent the default 600 requests; RateLimitTests sets its own small limit
		"helpdesk.api.rate-limit.per-minute=1000000", "helpdesk.api.rate-limit.burst=1000000" })
public abstract class FullStackTest {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-secret-1";

	@LocalServerPort
	protected int port;

	protected HelpdeskClient client;

	@DynamicPropertySource
	static void common(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", TestMail::smtpPort);
		// one folder per context: every read of the property must name the folder the application uses
		String dataDir = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath().toString();
		registry.add("helpdesk.data-dir", () -> dataDir);
	}

	@BeforeEach
	void connect() {
		client = new HelpdeskClient("http://localhost:" + port);
	}

	/** A string no other test uses, for slugs, usernames and mail addresses. */
	protected static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}
}
