package org.helpdesk.customfield;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom fields defined through the admin API and filled by create_ticket as {@code custom_<name>}.
 */
abstract class CustomFieldTests extends FullStackTest {

	@Autowired
	private JdbcClient jdbc;

	private long queue;

	private final String agent = unique("cf");

	@BeforeEach
	void setUp() {
		queue = client.createQueue(unique("cfq"));
		client.createUser(agent, "agent-password-1", "agent", null, List.of());
	}

	private void define(Map<String, Object> field) {
		Response response = client.admin("POST", "/api/v1/custom-fields", field);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private Response create(Map<String, String> extra) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("user", agent, "password", "agent-password-1",
				"queue", String.valueOf(queue), "title", "With custom fields"));
		fields.putAll(extra);
		return client.legacy("create_ticket", fields);
	}

	@Test
	void typedValuesAreValidatedNormalisedAndShownOnTheTicket() {
		String number = unique("n").replace("-", "_");
		String when = unique("d").replace("-", "_");
		String flag = unique("b").replace("-", "_");
		define(Map.of("name", number, "label", "Invoice number", "data_type", "integer"));
		define(Map.of("name", when, "label", "Noticed on", "data_type", "date"));
		define(Map.of("name", flag, "label", "Urgent", "data_type", "boolean"));

		Response created = create(Map.of("custom_" + number, "4711", "custom_" + when, "2026-11-30", "custom_" + flag, "yes"));

		assertThat(created.status()).as(created.body()).isEqualTo(200);
		var custom = client.ticket(Long.parseLong(created.body())).get("custom_fields");
		assertThat(custom.get(number).asString()).isEqualTo("4711");
		assertThat(custom.get(when).asString()).isEqualTo("2026-11-30");
		assertThat(custom.get(flag).asString()).isEqualTo("True");
	}

	@Test
	void aValueOfTheWrongTypeIsRefusedAndNothingIsCreated() {
		String number = unique("n").replace("-", "_");
		define(Map.of("name", number, "label", "Count", "data_type", "integer"));
		String title = unique("refused");

		Response created = create(Map.of("custom_" + number, "many", "title", title));

		assertThat(created.status()).isEqualTo(400);
		assertThat(created.body()).isEqualTo("custom_" + number + ": must be a whole number");
		assertThat(jdbc.sql("select count(*) from ticket where title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	@Test
	void aListFieldAcceptsOnlyItsChoices() {
		String tier = unique("t").replace("-", "_");
		define(Map.of("name", tier, "label", "Tier", "data_type", "list", "list_values", List.of("gold", "silver")));

		assertThat(create(Map.of("custom_" + tier, "bronze")).status()).isEqualTo(400);
		assertThat(create(Map.of("custom_" + tier, "gold")).status()).isEqualTo(200);
	}

	@Test
	void invalidDefinitionsAreRefusedWithTheField() {
		Response response = client.admin("POST", "/api/v1/custom-fields",
				Map.of("name", "Bad Name!", "label", "x", "data_type", "colour"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"name\"").contains("\"field\":\"data_type\"");
	}

	@Test
	void decimalPlacesOutsideZeroToTenAreRefusedNamingTheField() {
		for (int places : new int[] { -3, 11 }) {
			String name = unique("dp").replace("-", "_");

			Response response = client.admin("POST", "/api/v1/custom-fields",
					Map.of("name", name, "label", "Amount", "data_type", "decimal", "decimal_places", places));

			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.body()).contains("decimal_places");
			assertThat(client.admin("GET", "/api/v1/custom-fields", null).body()).doesNotContain(name);
		}
		define(Map.of("name", unique("dp").replace("-", "_"), "label", "Amount", "data_type", "decimal",
				"decimal_places", 0));
	}
}
