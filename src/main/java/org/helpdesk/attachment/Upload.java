package org.helpdesk.attachment;

import org.springframework.core.io.InputStreamSource;

/**
 * A file as it arrived from a request, not yet stored.
 */
public record Upload(String filename, String contentType, long size, InputStreamSource content) {
}
