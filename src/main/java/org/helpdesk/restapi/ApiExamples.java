package org.helpdesk.restapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Puts an example on every request body and every successful answer with a body in the OpenAPI document, read from
 * {@code openapi/examples/<operationId>-request.json} and {@code -response.json} (operation ids: see
 * {@link ApiDocumentation#operationNames}); a raw mail is an {@code .eml}, any other non-JSON body a {@code .txt}.
 * <p>
 * Why files and not {@code @ExampleObject} on the controllers: a ticket with its follow-ups is forty lines of JSON,
 * which in an annotation is an escaped Java string nobody checks and which buries the handler it documents. As files
 * they are plain JSON an editor checks, one place holds them all, and {@code ApiDocsTests} fails when an operation
 * has none or one does not parse.
 */
@Component
class ApiExamples implements OpenApiCustomizer {

	static final String FOLDER = "openapi/examples/";

	private static final Logger log = LoggerFactory.getLogger(ApiExamples.class);

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI api) {
		api.getPaths().values().forEach(path -> path.readOperations().forEach(this::addExamples));
	}

	private void addExamples(Operation operation) {
		String id = operation.getOperationId();
		if (operation.getRequestBody() != null) {
			addTo(operation.getRequestBody().getContent(), id + "-request");
		}
		operation.getResponses().forEach((status, response) -> {
			if (status.startsWith("2")) {
				addTo(response.getContent(), id + "-response");
			}
		});
	}

	private static void addTo(Content content, String name) {
		if (content == null) {
			return;
		}
		content.forEach((type, media) -> {
			if (isJson(type)) {
				read(name + ".json").ifPresent(text -> media.setExample(parsed(name, text)));
			}
			else {
				read(name + (type.equals("message/rfc822") ? ".eml" : ".txt")).ifPresent(media::setExample);
			}
		});
	}

	static boolean isJson(String mediaType) {
		return mediaType.equals("application/json") || mediaType.endsWith("+json");
	}

	private static Object parsed(String name, String text) {
		try {
			// swagger-core writes the document with its own (Jackson 2) mapper, so the example is its tree
			return Json31.mapper().readTree(text);
		}
		catch (IOException ex) {
			// kept as text rather than failing the whole document: ApiDocsTests names the example that is not JSON
			log.warn("The example {}{}.json is not JSON: {}", FOLDER, name, ex.getMessage());
			return text;
		}
	}

	private static Optional<String> read(String file) {
		Resource resource = new ClassPathResource(FOLDER + file);
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
