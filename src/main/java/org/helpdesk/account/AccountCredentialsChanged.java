package org.helpdesk.account;

/**
 * The password, active flag or role of an account changed, or it was deleted: cached logins must go.
 */
public record AccountCredentialsChanged(long accountId) {
}
