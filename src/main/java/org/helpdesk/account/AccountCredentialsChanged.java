package org.helpdesk.account;

/**
 * An account changed or was deleted: cached logins must go.
 */
public record AccountCredentialsChanged(long accountId) {
}
