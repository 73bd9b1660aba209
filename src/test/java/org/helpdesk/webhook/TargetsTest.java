package org.helpdesk.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.helpdesk.core.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which addresses and URLs webhooks may reach, and how the wait between attempts grows. */
class TargetsTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
			"169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1",
			"239.255.255.250", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "fec0::1",
			"ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1",
			"2002:a9fe:a9fe::1" })
	void internalAddressesAreRefused(String address) throws UnknownHostException {
		assertThat(Targets.isRefused(InetAddress.getByName(address))).as(address).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "169.255.0.1",
			"2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::1" })
	void publicAddressesAreAllowed(String address) throws UnknownHostException {
		assertThat(Targets.isRefused(InetAddress.getByName(address))).as(address).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)",
			"http://user:secret@example.com/", "http://user@example.com/", "http:///no-host", "http://exa mple.com/",
			"http://example.com/\u0000", "http://example.com:99999/", "//example.com/", "example.com/hook" })
	void urlsThatAreNotPlainHttpAreRefusedNamingTheUrl(String url) {
		assertThatThrownBy(() -> Targets.parse(url)).isInstanceOfSatisfying(InvalidInput.class,
				ex -> assertThat(ex.problems()).allMatch(p -> p.field().equals("url")));
	}

	@Test
	void privateHostsAreRefusedUnlessAllowed() {
		assertThatThrownBy(() -> Targets.check("http://127.0.0.1:8080/hook", false)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("url:");
		assertThatThrownBy(() -> Targets.check("http://localhost/hook", false)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> Targets.check("http://[fd00:ec2::254]/latest", false)).isInstanceOf(InvalidInput.class);
		assertThat(Targets.check("http://127.0.0.1:8080/hook", true).getPort()).isEqualTo(8080);
		assertThat(Targets.check("HTTPS://93.184.216.34/hook", false).getHost()).isEqualTo("93.184.216.34");
	}

	@Test
	void theWaitDoublesUpToTheLongestWithJitterTakingOffAtMostHalf() {
		for (int attempt = 1; attempt <= 40; attempt++) {
			long full = Math.min(100L << Math.min(attempt - 1, 20), 5_000);
			Duration wait = Backoff.after(attempt, Duration.ofMillis(100), Duration.ofSeconds(5));
			assertThat(wait.toMillis()).as("attempt " + attempt).isBetween(full / 2, full);
		}
	}

	@Test
	void theSignatureIsTheHexHmacOfTimeDotBody() {
		// computed with: printf '%s' '1700000000.{"id":1}' | openssl dgst -sha256 -hmac 'whsec_test'
		assertThat(Signatures.header("whsec_test", 1700000000L, "{\"id\":1}".getBytes()))
			.isEqualTo("t=1700000000,v1=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8");
	}
}
