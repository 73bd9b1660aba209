package org.helpdesk.restapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators (or scripts) doing the same thing at the same moment: one of them wins, the others hear why, and
 * nobody gets a 500 or a helpdesk without an administrator.
 */
@DirtiesContext
abstract class ConcurrentAdminChangesTests extends FullStackTest {

	private static final int RACERS = 8;

	private static final int ROUNDS = 5;

	private static final int DEMOTION_ROUNDS = 20;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ofConcurrentQueuesWithOneSlugOneIsCreatedAndTheOthersAreToldTheSlugIsTaken() {
		for (int round = 0; round < ROUNDS; round++) {
			String slug = unique("race");
			List<Response> answers = race(() -> client.admin("POST", "/api/v1/queues",
					Map.of("title", "Race", "slug", slug)));

			assertOneCreatedOthersRefused(answers, "slug", "is already used by another queue");
		}
	}

	@Test
	void ofConcurrentUsersWithOneUsernameOneIsCreatedAndTheOthersAreToldTheNameIsTaken() {
		for (int round = 0; round < ROUNDS; round++) {
			String username = unique("racer");
			List<Response> answers = race(() -> client.admin("POST", "/api/v1/users",
					Map.of("username", username, "password", "race-password-1", "role", "agent")));

			assertOneCreatedOthersRefused(answers, "username", "is already taken");
		}
	}

	@Test
	void ofConcurrentCustomFieldsWithOneNameOneIsDefinedAndTheOthersAreToldTheNameIsTaken() {
		for (int round = 0; round < ROUNDS; round++) {
			String name = unique("race_");
			List<Response> answers = race(() -> client.admin("POST", "/api/v1/custom-fields",
					Map.of("name", name, "label", "Race", "data_type", "varchar")));

			assertOneCreatedOthersRefused(answers, "name", "is already used by another custom field");
		}
	}

	@Test
	void ofTwoAdministratorsDemotingEachOtherAtOnceOneStaysAdministrator() {
		Admin survivor = new Admin(ADMIN, ADMIN_PASSWORD, idOf(ADMIN));
		for (int round = 0; round < DEMOTION_ROUNDS; round++) {
			Admin other = newAdministrator(survivor);
			Admin first = survivor;
			race(List.of(() -> demote(first, other), () -> demote(other, first)));

			List<String> administrators = activeAdministrators();
			assertThat(administrators).as("active administrators after round %d", round).hasSize(1);
			survivor = administrators.get(0).equals(other.username()) ? other : survivor;
		}
	}

	/** The other tests act as the first administrator, whom the demotion test may have demoted. */
	@AfterEach
	void firstAdministratorIsAdministratorAgain() {
		jdbc.sql("update account set role = 'admin', credentials_version = credentials_version + 1 "
				+ "where username = ? and role <> 'admin'").param(ADMIN).update();
	}

	private record Admin(String username, String password, long id) {
	}

	private Admin newAdministrator(Admin creator) {
		String username = unique("admin");
		Response created = client.request("POST", "/api/v1/users", creator.username(), creator.password(),
				"{\"username\":\"" + username + "\",\"password\":\"admin-password-1\",\"role\":\"admin\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Admin(username, "admin-password-1", created.json().get("id").asLong());
	}

	private Response demote(Admin by, Admin whom) {
		return client.request("PATCH", "/api/v1/users/" + whom.id(), by.username(), by.password(), "{\"role\":\"agent\"}");
	}

	private long idOf(String username) {
		return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	private List<String> activeAdministrators() {
		return jdbc.sql("select username from account where role = 'admin' and active = true")
			.query(String.class).list();
	}

	private static void assertOneCreatedOthersRefused(List<Response> answers, String field, String reason) {
		List<Integer> statuses = answers.stream().map(Response::status).toList();
		assertThat(statuses).as("answers to %d identical creates", RACERS).containsOnly(201, 400).containsOnlyOnce(201);
		answers.stream().filter(answer -> answer.status() == 400).forEach(refused -> {
			var error = refused.json().get("errors").get(0);
			assertThat(error.get("field").asString() + ": " + error.get("reason").asString())
				.isEqualTo(field + ": " + reason);
		});
	}

	/** Sends the same request from several threads released at the same moment; the answers in any order. */
	static List<Response> race(Supplier<Response> request) {
		return race(Collections.nCopies(RACERS, request));
	}

	static List<Response> race(List<Supplier<Response>> requests) {
		ExecutorService threads = Executors.newFixedThreadPool(requests.size());
		try {
			CountDownLatch ready = new CountDownLatch(requests.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Response>> answers = new ArrayList<>();
			for (Supplier<Response> request : requests) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return request.get();
				}));
			}
			ready.await();
			go.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				responses.add(answer.get());
			}
			return responses;
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		finally {
			threads.shutdownNow();
		}
	}
}
