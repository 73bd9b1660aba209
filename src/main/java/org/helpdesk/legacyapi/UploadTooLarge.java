package org.helpdesk.legacyapi;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Multipart bodies that exceed the limit (or cannot be parsed) fail before any handler is chosen, so this advice
 * answers them for everyone: the APIs in plain text, pages with the error page.
 */
@RestControllerAdvice
class UploadTooLarge {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large");
	}

	@ExceptionHandler(MultipartException.class)
	Object malformed(HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "The multipart request body could not be read");
	}

	private static Object answer(HttpServletRequest request, HttpStatus status, String text) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return LegacyResponse.text(status, text);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		return page;
	}
}
