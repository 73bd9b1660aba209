package org.helpdesk.legacyapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize largest request body the APIs accept; larger ones are answered 413
 */
@ConfigurationProperties("helpdesk.api")
public record ApiSettings(@DefaultValue("25MB") DataSize maxRequestSize) {
}
