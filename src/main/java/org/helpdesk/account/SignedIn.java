package org.helpdesk.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter of type {@link Account} that receives the signed-in account, read fresh from the
 * database on every request so that role, queue and active changes apply at once. Null when nobody is signed in;
 * a deactivated account counts as nobody.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SignedIn {
}
