package org.helpdesk.core;

import java.util.function.LongSupplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * Writes of values that must be unique (a slug, a username). The facade checks first to answer the common case
 * with a clear message, but two concurrent requests can both pass that check; the database's unique constraint
 * then lets one win, and the other hears the same 400 as if it had come second, instead of a 500.
 */
public final class UniqueValues {

	private UniqueValues() {
	}

	/** Runs the insert and returns its id, or throws {@link InvalidInput} naming the field if the value is taken. */
	public static long insert(LongSupplier insert, String field, String reason) {
		try {
			return insert.getAsLong();
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidInput(field, reason);
		}
	}

	/** Runs the update, or throws {@link InvalidInput} naming the field if the new value is taken. */
	public static void update(Runnable update, String field, String reason) {
		try {
			update.run();
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidInput(field, reason);
		}
	}
}
