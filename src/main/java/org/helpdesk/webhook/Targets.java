package org.helpdesk.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;

/**
 * Where webhooks may be sent: http and https URLs without credentials, whose host resolves only to public
 * addresses. A receiver on loopback, a private network (RFC 1918, IPv6 ULA), link-local (with the cloud metadata
 * services at 169.254.169.254 and fd00:ec2::254), CGNAT, multicast or an unspecified address could let whoever
 * registers an endpoint make the helpdesk call services that only trust it because it sits inside (SSRF). Checked
 * when an endpoint is registered and again before every attempt, after DNS, since a name may point elsewhere later.
 */
final class Targets {

	static final int MAX_URL_LENGTH = 2000;

	private Targets() {
	}

	/** The URL as a URI, or {@link InvalidInput} naming {@code url}; resolves the host unless private ones are allowed. */
	static URI check(String url, boolean allowPrivate) {
		URI uri = parse(url);
		if (!allowPrivate) {
			resolve(uri, false);
		}
		return uri;
	}

	static URI parse(String url) {
		String value = Input.withoutSurroundingSpace(url);
		if (Input.isBlank(value)) {
			throw new InvalidInput("url", "is required");
		}
		if (value.length() > MAX_URL_LENGTH) {
			throw new InvalidInput("url", "must be at most " + MAX_URL_LENGTH + " characters");
		}
		if (Input.isDamaged(value) || Input.hasControlCharacters(value, false) || value.contains(" ")) {
			throw new InvalidInput("url", "must not contain spaces or control characters");
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new InvalidInput("url", "is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new InvalidInput("url", "must be an http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidInput("url", "must not contain a user name or password");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new InvalidInput("url", "must name a host");
		}
		if (uri.getPort() == 0 || uri.getPort() > 65535) {
			throw new InvalidInput("url", "has an invalid port");
		}
		return uri;
	}

	/**
	 * Every address the URL's host resolves to, each checked; {@link InvalidInput} naming {@code url} when the host
	 * does not resolve or any of its addresses is refused.
	 */
	static List<InetAddress> resolve(URI uri, boolean allowPrivate) {
		String host = uri.getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new InvalidInput("url", "has a host name that does not resolve");
		}
		if (!allowPrivate) {
			for (InetAddress address : addresses) {
				if (isRefused(address)) {
					throw new InvalidInput("url", "points to a loopback, private, link-local or otherwise internal address ("
							+ address.getHostAddress() + "); set helpdesk.webhooks.allow-private-targets=true to allow it");
				}
			}
		}
		return List.of(addresses);
	}

	/** Whether an address is one that webhooks must not reach. */
	static boolean isRefused(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			return isRefusedV4(b);
		}
		if (address instanceof Inet6Address) {
			return isRefusedV6(b);
		}
		return true;
	}

	private static boolean isRefusedV4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return first == 0 // "this network"
				|| first == 127 || first == 10 || (first == 172 && second >= 16 && second <= 31)
				|| (first == 192 && second == 168) || (first == 169 && second == 254)
				|| (first == 100 && second >= 64 && second <= 127) // CGNAT, RFC 6598
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
				|| (first == 198 && (second == 18 || second == 19)) // benchmarking
				|| first >= 224; // multicast, reserved, broadcast
	}

	private static boolean isRefusedV6(byte[] b) {
		if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7, including fd00:ec2::254
			return true;
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // site-local fec0::/10 (deprecated)
			return true;
		}
		if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // IPv4-mapped
			return isRefusedV4(new byte[] { b[12], b[13], b[14], b[15] });
		}
		if (isZero(b, 0, 12)) { // IPv4-compatible (deprecated), ::, ::1
			return true;
		}
		if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
			return isRefusedV4(new byte[] { b[12], b[13], b[14], b[15] }); // NAT64 64:ff9b::/96
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4 2002::/16 carries an IPv4 address
			return isRefusedV4(new byte[] { b[2], b[3], b[4], b[5] });
		}
		return false;
	}

	private static boolean isZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}
}
