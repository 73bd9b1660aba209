package org.helpdesk.portal;

import org.springframework.core.io.InputStreamSource;

/**
 * A public attachment handed to the submitter; {@code content} opens the stored bytes.
 */
public record CustomerDownload(String filename, String mimeType, long size, InputStreamSource content) {
}
