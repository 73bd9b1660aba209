package org.helpdesk.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created when the helpdesk starts and finds no accounts at all.
 *
 * @param username its username
 * @param password its password; when empty a random one is generated and logged once
 */
@ConfigurationProperties("helpdesk.admin")
public record AdminSettings(@DefaultValue("admin") String username, @DefaultValue("") String password) {
}
