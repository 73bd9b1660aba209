package org.helpdesk.account;

/**
 * How a person wants to read the helpdesk: a language tag ({@code en}, {@code de}) and a time zone id; null means
 * "as the browser says" and UTC.
 */
public record Preferences(String language, String timeZone) {
}
