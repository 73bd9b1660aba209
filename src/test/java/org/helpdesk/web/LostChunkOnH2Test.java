package org.helpdesk.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.h2.mvstore.DataUtils;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 2.4 sometimes loses a page under a long query while it compacts its file in the background ("Chunk … not
 * found", h2database/h2database#4383; seen as 500s on the ticket list at a million tickets). The bug cannot be
 * triggered on demand, so the pool here fails one chosen statement exactly as H2 fails it, and the pages must answer
 * as if nothing happened: the read starts again in a new transaction.
 */
class LostChunkOnH2Test extends FullStackTest {

	private static final String PASSWORD = "agent-password-1";

	/** The next statement whose SQL contains this fails once with H2's "chunk not found". */
	private static final AtomicReference<String> FAIL_NEXT = new AtomicReference<>();

	private static final AtomicInteger FAILED = new AtomicInteger();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@TestConfiguration
	static class LosingChunks {

		@Bean
		static BeanPostProcessor losingChunks() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource dataSource ? losing(dataSource) : bean;
				}
			};
		}
	}

	@AfterEach
	void disarm() {
		FAIL_NEXT.set(null);
		FAILED.set(0);
	}

	@Test
	void theTicketListAnswersWhenTheCountLosesAChunk() {
		long queue = client.createQueue(unique("chunk"));
		long ticket = ticket(queue, "Printer on the third floor");
		BrowserlessSession agent = agent();

		Page list = afterOneLostChunk("select count(*) from (select 1 from ticket t", agent, "/tickets?queue=" + queue);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("data-ticket-id=\"" + ticket + "\"").contains("Printer on the third floor");
	}

	@Test
	void theTicketPageAnswersWhenItsFollowUpsLoseAChunk() {
		long queue = client.createQueue(unique("chunk"));
		long ticket = ticket(queue, "Scanner jams");
		BrowserlessSession agent = agent();

		Page page = afterOneLostChunk("where f.ticket_id = ?", agent, "/tickets/" + ticket);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Scanner jams").contains("About Scanner jams");
	}

	/** Fetches the page while the first statement containing {@code sql} fails as H2 fails it. */
	private static Page afterOneLostChunk(String sql, BrowserlessSession agent, String path) {
		FAIL_NEXT.set(sql);
		Page page = agent.get(path);
		assertThat(FAILED).as("the armed statement ran").hasValue(1);
		return page;
	}

	private long ticket(long queue, String title) {
		Response response = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", title, "priority", "3", "body", "About " + title));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body().trim());
	}

	private BrowserlessSession agent() {
		String username = unique("agent");
		client.createUser(username, PASSWORD, "agent", null, List.of());
		BrowserlessSession session = new BrowserlessSession(client.base());
		assertThat(session.signIn(username, PASSWORD)).isTrue();
		return session;
	}

	private static DataSource losing(DataSource dataSource) {
		return (DataSource) Proxy.newProxyInstance(LostChunkOnH2Test.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(method, dataSource, args);
					return result instanceof Connection connection ? losing(connection) : result;
				});
	}

	private static Connection losing(Connection connection) {
		return (Connection) Proxy.newProxyInstance(LostChunkOnH2Test.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
						String armed = FAIL_NEXT.get();
						if (armed != null && sql.contains(armed) && FAIL_NEXT.compareAndSet(armed, null)) {
							FAILED.incrementAndGet();
							// the shape of H2's own error: a general error caused by the store's exception
							throw new SQLException("General error: \"org.h2.mvstore.MVStoreException: Chunk 4711 not found\"",
									"HY000", 50000, DataUtils.newMVStoreException(DataUtils.ERROR_CHUNK_NOT_FOUND,
											"Chunk {0} not found", 4711));
						}
					}
					return invoke(method, connection, args);
				});
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
