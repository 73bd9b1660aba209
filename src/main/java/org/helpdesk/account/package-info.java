/**
 * Accounts, roles and per-queue limits; password hashing, the verified-credential cache and login throttling.
 */
package org.helpdesk.account;
