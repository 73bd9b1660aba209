package org.helpdesk.support;

import java.util.ArrayList;
import java.util.List;

import org.helpdesk.HelpdeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another node of the same helpdesk: its own application context and port, the first node's database and data
 * folder. Close it after the test.
 */
public final class SecondNode {

	private SecondNode() {
	}

	/**
	 * Starts a node beside the one whose environment is given, with {@code extraSources} (test configurations) and
	 * {@code extraArguments} ({@code --name=value}) on top.
	 */
	public static ConfigurableApplicationContext start(Environment firstNode, List<Class<?>> extraSources,
			String... extraArguments) {
		List<Class<?>> sources = new ArrayList<>(List.of(HelpdeskApplication.class));
		sources.addAll(extraSources);
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + firstNode.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + firstNode.getProperty("spring.datasource.username"),
				"--spring.datasource.hikari.maximum-pool-size=4",
				"--helpdesk.data-dir=" + firstNode.getProperty("helpdesk.data-dir"),
				"--helpdesk.admin.password=" + FullStackTest.ADMIN_PASSWORD,
				"--helpdesk.security.password-hash-strength=4", "--spring.main.banner-mode=off"));
		arguments.addAll(List.of(extraArguments));
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(arguments.toArray(String[]::new));
	}

	/** Where the node answers HTTP. */
	public static String base(ConfigurableApplicationContext node) {
		return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
	}
}
