package org.helpdesk.core;

/**
 * One thing wrong with one input field, in words a person can act on.
 */
public record FieldProblem(String field, String reason) implements java.io.Serializable {

	@Override
	public String toString() {
		return field + ": " + reason;
	}
}
