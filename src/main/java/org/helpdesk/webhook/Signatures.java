package org.helpdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Helpdesk-Signature} header: {@code t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">} keyed with the
 * endpoint's secret (its UTF-8 bytes). The time inside the signed text lets a receiver refuse old replays.
 */
final class Signatures {

	private Signatures() {
	}

	static String header(String secret, long unixTime, byte[] body) {
		return "t=" + unixTime + ",v1=" + hmac(secret, unixTime, body);
	}

	static String hmac(String secret, long unixTime, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((unixTime + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}
}
