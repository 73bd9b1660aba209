package org.helpdesk.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter that receives the signed-in account as checked against the database for this
 * request, so that role, queue and active changes apply at once. On an {@code Account} parameter a request without
 * a signed-in, active account is refused before the controller runs; pages open to everyone take an
 * {@code Optional<Account>}, empty for a visitor.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SignedIn {
}
