package org.helpdesk.ticket;

public record AttachmentView(long id, String filename, String mimeType, long size) {
}
