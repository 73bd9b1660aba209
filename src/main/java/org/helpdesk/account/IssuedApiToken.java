package org.helpdesk.account;

/**
 * A token just created, with the one and only copy of its full value ({@code hd_…}); only its hash is stored.
 */
public record IssuedApiToken(ApiToken token, String value) {

	@Override
	public String toString() {
		return "IssuedApiToken[" + token + "]";
	}
}
