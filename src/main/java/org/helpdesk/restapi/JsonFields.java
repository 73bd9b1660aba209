package org.helpdesk.restapi;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object read field by field, strictly: only the names a request knows, each of the type it wants, and every
 * problem named with its field, all at once. A field left out is {@link Optional#empty()}; for PATCH requests
 * {@link #has} tells a field sent as {@code null} (clear it) from one left out (keep it).
 */
final class JsonFields {

	private final JsonNode body;

	private final List<FieldProblem> problems = new ArrayList<>();

	private JsonFields(JsonNode body) {
		this.body = body;
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A JSON object sent as the text of a multipart part named {@code part}; its fields are checked by {@link #of}. */
	static JsonNode parse(String part, String text) {
		try {
			JsonNode node = JSON.readTree(text);
			if (node != null && node.isObject()) {
				return node;
			}
		}
		catch (JacksonException ex) {
			// answered below, without the parser's message
		}
		throw new InvalidInput(part, "must be a JSON object");
	}

	/** Reads {@code body}, which must be an object with no names beyond {@code known}. */
	static JsonFields of(JsonNode body, Set<String> known) {
		if (body == null || !body.isObject()) {
			throw new InvalidInput("body", "must be a JSON object");
		}
		JsonFields fields = new JsonFields(body);
		body.propertyNames().forEach(name -> {
			if (!known.contains(name)) {
				fields.problems.add(new FieldProblem(name, "is not a field of this request"));
			}
		});
		return fields;
	}

	boolean has(String name) {
		return body.has(name);
	}

	Optional<String> text(String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isString()) {
			problem(name, "must be a string");
			return Optional.empty();
		}
		return Optional.of(value.asString());
	}

	/** A whole number that fits a long; numbers in quotes are refused like any other type. */
	Optional<Long> number(String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			problem(name, "must be a whole number");
			return Optional.empty();
		}
		return Optional.of(value.asLong());
	}

	Optional<Integer> smallNumber(String name, int min, int max) {
		return number(name).flatMap(n -> {
			if (n < min || n > max) {
				problem(name, "must be from " + min + " to " + max);
				return Optional.empty();
			}
			return Optional.of(n.intValue());
		});
	}

	Optional<Boolean> bool(String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isBoolean()) {
			problem(name, "must be true or false");
			return Optional.empty();
		}
		return Optional.of(value.asBoolean());
	}

	/** An ISO-8601 instant such as {@code 2026-12-24T17:00:00Z}. */
	Optional<Instant> instant(String name) {
		return text(name).flatMap(text -> {
			try {
				return Optional.of(Instant.parse(text));
			}
			catch (DateTimeParseException ex) {
				problem(name, "must be an ISO-8601 time such as 2026-12-24T17:00:00Z");
				return Optional.empty();
			}
		});
	}

	/** A queue by id (a number) or slug (a string). */
	Optional<String> idOrSlug(String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return Optional.of(String.valueOf(value.asLong()));
		}
		return text(name);
	}

	List<String> texts(String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray() || value.valueStream().anyMatch(v -> !v.isString())) {
			problem(name, "must be a list of strings");
			return List.of();
		}
		return value.valueStream().map(JsonNode::asString).toList();
	}

	/** An object of names to text values (custom fields). */
	Map<String, String> textMap(String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return Map.of();
		}
		if (!value.isObject()) {
			problem(name, "must be an object of names to values");
			return Map.of();
		}
		Map<String, String> values = new LinkedHashMap<>();
		value.properties().forEach(entry -> {
			JsonNode v = entry.getValue();
			if (v.isNull()) {
				values.put(entry.getKey(), null);
			}
			else if (v.isValueNode()) {
				values.put(entry.getKey(), v.asString());
			}
			else {
				problem(name + "." + entry.getKey(), "must be a single value");
			}
		});
		return values;
	}

	void problem(String field, String reason) {
		problems.add(new FieldProblem(field, reason));
	}

	/** Throws {@link InvalidInput} naming every problem found so far. */
	void check() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}
}
