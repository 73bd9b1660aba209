package org.helpdesk.attachment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize largest accepted file
 * @param allowedExtensions accepted file extensions (lower case, without the dot); files without one are accepted
 */
@ConfigurationProperties("helpdesk.attachments")
public record AttachmentSettings(@DefaultValue("10MB") DataSize maxSize,
		@DefaultValue({ "txt", "asc", "pdf", "doc", "docx", "odt", "jpg", "jpeg", "png", "gif", "eml", "csv", "log" }) List<String> allowedExtensions) {
}
