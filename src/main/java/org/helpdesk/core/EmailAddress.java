package org.helpdesk.core;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Decides whether text is one plain mailbox address, {@code local@host.example}, that Jakarta Mail (which sends our
 * mail) reads exactly as written. Its strict parser alone is too lenient for addresses strangers type: it reads
 * {@code postmaster(x)@example.com} as a comment plus the local mailbox {@code postmaster}, takes quoted local parts
 * and addresses without a domain. So the text must also pass our own rules: no personal name, comments,
 * parentheses, quotes, control characters or lone surrogates, and a domain of dot-separated host names.
 */
public final class EmailAddress {

	private static final int MAX_LENGTH = 254;

	// dot-atom of RFC 5322 without the characters a mail parser treats specially, plus letters and digits of any
	// script (people type jürgen@example.de); a lone surrogate is no letter, so it never matches
	private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";

	private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*");

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+");

	private EmailAddress() {
	}

	public static boolean isValid(String value) {
		if (value == null || value.length() > MAX_LENGTH || Input.hasControlCharacters(value, false)) {
			return false;
		}
		int at = value.lastIndexOf('@');
		if (at < 1 || at > 64) {
			return false;
		}
		return LOCAL_PART.matcher(value.substring(0, at)).matches()
				&& DOMAIN.matcher(value.substring(at + 1)).matches() && readAsWrittenByJakartaMail(value);
	}

	/** The parser that sends must see exactly one address, with no name, equal to the text. */
	private static boolean readAsWrittenByJakartaMail(String value) {
		try {
			InternetAddress[] parsed = InternetAddress.parse(value, true);
			if (parsed.length != 1) {
				return false;
			}
			InternetAddress address = parsed[0];
			address.validate();
			return address.getPersonal() == null && value.equals(address.getAddress());
		}
		catch (AddressException ex) {
			return false;
		}
	}
}
