package org.helpdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypesTest {

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "text/html; charset=utf-8", "application/xhtml+xml", "image/svg+xml",
			"text/xml", "application/xml", "application/rss+xml", "text/javascript", "application/javascript",
			"text/css", "multipart/x-mixed-replace; boundary=x", "TEXT/HTML" })
	void typesABrowserWouldRunAsOurPageGoOutAsBytes(String stored) {
		assertThat(ContentTypes.forDownload(stored).toString()).isEqualTo("application/octet-stream");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/pdf", "image/png", "message/rfc822", "application/ms-tnef",
			"text/calendar", "text/csv" })
	void otherTypesKeepTheirType(String stored) {
		assertThat(ContentTypes.forDownload(stored).toString()).isEqualTo(stored);
	}
}
