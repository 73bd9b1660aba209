package org.helpdesk.legacyapi;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart bodies that exceed the limit (or cannot be parsed) fail before any handler is chosen; answer them here.
 */
@RestControllerAdvice
class UploadTooLarge {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<String> tooLarge() {
		return LegacyResponse.text(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large");
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<String> malformed() {
		return LegacyResponse.text(HttpStatus.BAD_REQUEST, "The multipart request body could not be read");
	}
}
