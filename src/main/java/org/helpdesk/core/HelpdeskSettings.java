package org.helpdesk.core;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module.
 *
 * @param dataDir where the embedded database and the attachment files live
 * @param baseUrl the public address used in mails and on the help page; empty means {@code http://localhost:<port>}
 */
@ConfigurationProperties("helpdesk")
public record HelpdeskSettings(@DefaultValue("./data") Path dataDir, @DefaultValue("") String baseUrl) {
}
