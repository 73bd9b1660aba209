package org.helpdesk.inbox;

/**
 * A file that came with a message: an attachment, an inline image ({@code contentId} set), a forwarded message
 * ({@code message/rfc822}, kept whole), or the original HTML body. {@code fileName} is decoded and never blank.
 */
public record MailPart(String fileName, String contentType, byte[] content, String contentId) {
}
