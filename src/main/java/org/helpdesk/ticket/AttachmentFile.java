package org.helpdesk.ticket;

/**
 * Where an attachment's bytes are kept, and how to hand them out.
 */
public record AttachmentFile(String storageKey, String filename, String mimeType, long size) {
}
