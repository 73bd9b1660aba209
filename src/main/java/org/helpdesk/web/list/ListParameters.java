package org.helpdesk.web.list;

import java.util.List;
import java.util.Optional;

/**
 * Reading the few list parameters that are not part of the filter. Whatever arrives, these answer a value or
 * nothing, never an exception.
 */
final class ListParameters {

	private static final int MAX_PAGE_NUMBER = 10_000_000;

	private ListParameters() {
	}

	/** A positive id, or empty for anything else (negative, huge, text). */
	static Optional<Long> id(String value) {
		if (value == null || !value.strip().matches("\\d{1,18}")) {
			return Optional.empty();
		}
		long id = Long.parseLong(value.strip());
		return id > 0 ? Optional.of(id) : Optional.empty();
	}

	static int pageNumber(String value) {
		return id(value).filter(n -> n <= MAX_PAGE_NUMBER).map(Long::intValue).orElse(1);
	}

	/** Every value must be an id; one that is not makes the whole list invalid (empty result). */
	static Optional<List<Long>> ids(List<String> values) {
		if (values == null) {
			return Optional.of(List.of());
		}
		List<Optional<Long>> parsed = values.stream().map(ListParameters::id).toList();
		if (parsed.stream().anyMatch(Optional::isEmpty)) {
			return Optional.empty();
		}
		return Optional.of(parsed.stream().map(Optional::get).toList());
	}
}
