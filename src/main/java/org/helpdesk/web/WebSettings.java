package org.helpdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rememberMe how long "remember me" keeps a person signed in
 */
@ConfigurationProperties("helpdesk.web")
public record WebSettings(@DefaultValue("14d") Duration rememberMe) {
}
