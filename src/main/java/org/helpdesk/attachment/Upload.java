package org.helpdesk.attachment;

import java.util.List;

import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrived from a request, not yet stored.
 */
public record Upload(String filename, String contentType, long size, InputStreamSource content) {

	/** The files actually sent: a form's empty file input still sends one nameless, empty part, which is none. */
	public static List<Upload> chosen(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> f != null && !f.isEmpty())
			.map(f -> new Upload(f.getOriginalFilename(), f.getContentType(), f.getSize(), f))
			.toList();
	}
}
