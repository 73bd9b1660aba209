package org.helpdesk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a token value, {@code hd_<key>_<secret>}: the key (12 letters and digits, not secret) finds the row,
 * the secret (40 letters and digits, about 238 random bits) proves possession. Only letters and digits, so a
 * double click selects the whole value. A random secret this long needs no slow hash: SHA-256 of it is stored, and
 * nobody can find a secret for a stored hash.
 */
final class ApiTokenValues {

	static final String PREFIX = "hd_";

	private static final int KEY_LENGTH = 12;

	private static final int SECRET_LENGTH = 40;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final Pattern SHAPE = Pattern
		.compile("hd_([A-Za-z0-9]{" + KEY_LENGTH + "})_([A-Za-z0-9]{" + SECRET_LENGTH + "})");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A token value taken apart. */
	record Parts(String key, String secret) {

		@Override
		public String toString() {
			return "Parts[key=" + key + "]";
		}
	}

	private ApiTokenValues() {
	}

	static String newKey() {
		return random(KEY_LENGTH);
	}

	static String newSecret() {
		return random(SECRET_LENGTH);
	}

	static String value(String key, String secret) {
		return prefix(key) + "_" + secret;
	}

	static String prefix(String key) {
		return PREFIX + key;
	}

	/** The key and secret of a well-formed value; empty for anything else. */
	static Optional<Parts> parse(String value) {
		Matcher m = SHAPE.matcher(value);
		return m.matches() ? Optional.of(new Parts(m.group(1), m.group(2))) : Optional.empty();
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Compares in time that does not depend on where the two differ. */
	static boolean matches(String secret, String storedHash) {
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static String random(int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}
}
