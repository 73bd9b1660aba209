package org.helpdesk.core;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmailAddress}: only addresses that the mail sender reads exactly as written pass.
 */
class EmailAddressTest {

	@ParameterizedTest
	@ValueSource(strings = { "bob@example.com", "bob.smith+tag@mail.example.co.uk", "o'hara@example.ie",
			"x@a-b.example", "j\u00fcrgen@example.de", "a_b-c=d@example.org" })
	void ordinaryAddressesPass(String address) throws Exception {
		assertThat(EmailAddress.isValid(address)).isTrue();
		assertThat(InternetAddress.parse(address, true)[0].getAddress()).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postmaster(x)@example.com", "root('a')'@example.com", "x)y@example.com",
			"a\u0000@x.com", "a@x.com\u0000", "bob\ud800@example.com", "bob\udc00@example.com", "\"bob\"@example.com",
			"\"a b\"@example.com", "Bob <bob@example.com>", "bob@example.com (Bob)", "postmaster", "bob@localhost",
			"bob@[127.0.0.1]", "a@b@example.com", ".bob@example.com", "bob.@example.com", "bo..b@example.com",
			"bob@example.com, eve@example.com", "bob;eve@example.com", "bob\\@example.com", "bob@example.com\r\n",
			"bob\u0085@example.com", "" })
	void hostileOrAmbiguousAddressesAreRefused(String address) {
		assertThat(EmailAddress.isValid(address)).as(address).isFalse();
	}

	@Test
	void theLimitsOfTheMailStandardsHold() {
		assertThat(EmailAddress.isValid("a".repeat(64) + "@example.com")).isTrue();
		assertThat(EmailAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
		assertThat(EmailAddress.isValid("b@" + ("a".repeat(50) + ".").repeat(5) + "com")).isFalse();
		assertThat(EmailAddress.isValid(null)).isFalse();
	}
}
