package org.helpdesk.attachment;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * How every channel (staff pages, customer portal, JSON API) hands out a stored file: always as a download
 * ({@code Content-Disposition: attachment}), never sniffed ({@code X-Content-Type-Options: nosniff}), with a type
 * that no browser renders as a page of ours ({@link ContentTypes#forDownload}) and a policy that lets nothing in it
 * run should a browser show it anyway ({@code Content-Security-Policy: default-src 'none'; sandbox}). An HTML or SVG
 * file that came by mail or upload therefore cannot run script in the helpdesk's origin.
 */
public final class Download {

	static final String POLICY = "default-src 'none'; sandbox";

	private Download() {
	}

	public static ResponseEntity<Resource> of(String filename, String mimeType, long size, InputStream content) {
		return ResponseEntity.ok()
			.contentType(ContentTypes.forDownload(mimeType))
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", POLICY)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new InputStreamResource(content));
	}
}
