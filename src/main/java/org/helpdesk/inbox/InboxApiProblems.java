package org.helpdesk.inbox;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the inbound-mail API as RFC 9457 problem details, like the rest of /api/v1: input problems list the field
 * and the reason.
 */
@RestControllerAdvice(assignableTypes = InboundMailController.class)
class InboxApiProblems {

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalid(InvalidInput ex) {
		return withErrors(HttpStatus.BAD_REQUEST, ex.problems());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return withErrors(HttpStatus.BAD_REQUEST, List.of(new FieldProblem(ex.getName(), "must be a number")));
	}

	@ExceptionHandler(InboundMailController.UnsupportedMailType.class)
	ProblemDetail unsupported(InboundMailController.UnsupportedMailType ex) {
		return withErrors(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(new FieldProblem("Content-Type", ex.getMessage())));
	}

	@ExceptionHandler(InboundMailController.MessageTooLarge.class)
	ProblemDetail tooLarge(InboundMailController.MessageTooLarge ex) {
		return withErrors(HttpStatus.CONTENT_TOO_LARGE, List.of(new FieldProblem("body", ex.getMessage())));
	}

	private static ProblemDetail withErrors(HttpStatus status, List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
		problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid input" : status.getReasonPhrase());
		problem.setProperty("errors",
				problems.stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
		return problem;
	}
}
