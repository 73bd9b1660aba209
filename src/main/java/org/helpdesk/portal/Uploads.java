package org.helpdesk.portal;

import java.util.List;

import org.helpdesk.attachment.Upload;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files from a portal form. Browsers send an empty part when no file was chosen; it is no attachment.
 */
final class Uploads {

	private Uploads() {
	}

	static List<Upload> of(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> f != null && !f.isEmpty())
			.map(f -> new Upload(f.getOriginalFilename(), f.getContentType(), f.getSize(), f))
			.toList();
	}
}
