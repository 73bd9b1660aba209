package org.helpdesk.web.admin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.core.NotFound;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A queue or account that does not exist (any more) answers with the helpdesk's 404 page, not a stack trace.
 */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

	@ExceptionHandler(NotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}
}
