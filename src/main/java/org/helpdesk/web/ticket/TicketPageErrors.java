package org.helpdesk.web.ticket;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.NotFound;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What the ticket pages answer when an action cannot even be shown again as a form: a ticket the reader may not
 * see (or that does not exist, or a malformed id) is the 404 page; a refusal that escaped a handler is a 400 or 409
 * page. Never a 500 for bad input. The error page is rendered by the application's error view.
 */
@ControllerAdvice(assignableTypes = { TicketPageController.class, TicketReplyController.class,
		TicketActionsController.class, TicketEditController.class, NewTicketController.class })
class TicketPageErrors {

	@ExceptionHandler({ NotFound.class, MethodArgumentTypeMismatchException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(InvalidInput.class)
	void invalid(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	@ExceptionHandler(Conflict.class)
	void conflict(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_CONFLICT);
	}
}
