package org.helpdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rememberMe how long "remember me" keeps a person signed in
 * @param anonymousSession how long a session of someone who has not signed in (a portal visitor, the sign-in
 * page) lasts without use; such sessions only hold a message for the next page or the page to return to after
 * signing in (the CSRF token of a visitor is a cookie), and each is a row in the database
 */
@ConfigurationProperties("helpdesk.web")
public record WebSettings(@DefaultValue("14d") Duration rememberMe, @DefaultValue("30m") Duration anonymousSession) {
}
