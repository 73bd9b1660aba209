/**
 * Accounts, roles and per-queue limits; password hashing, the verified-credential cache and login throttling.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core" })
package org.helpdesk.account;
