package org.helpdesk.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param passwordHashStrength BCrypt cost factor of stored password hashes (2^n rounds)
 * @param credentialCacheTtl how long a verified user/password pair is trusted without re-hashing
 * @param credentialCacheSize how many verified pairs are kept at most
 * @param maxFailures failed logins within {@code failureWindow} after which an address or account is throttled
 * @param failureWindow the window over which failures are counted, and how long throttling lasts
 */
@ConfigurationProperties("helpdesk.security")
public record SecuritySettings(@DefaultValue("12") int passwordHashStrength,
		@DefaultValue("5m") Duration credentialCacheTtl, @DefaultValue("10000") int credentialCacheSize,
		@DefaultValue("10") int maxFailures, @DefaultValue("5m") Duration failureWindow) {
}
