package org.helpdesk.attachment;

/**
 * A file kept in the store; {@code key} is random and never shown to users.
 */
public record StoredFile(String key, String filename, String mimeType, long size) {
}
