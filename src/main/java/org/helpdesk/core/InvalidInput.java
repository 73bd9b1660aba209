package org.helpdesk.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a rule; adapters answer it with 400 and the listed problems. Nothing was changed.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInput(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")), null, false, false);
		this.problems = List.copyOf(problems);
	}

	public InvalidInput(String field, String reason) {
		this(List.of(new FieldProblem(field, reason)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}
}
