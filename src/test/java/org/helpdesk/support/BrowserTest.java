package org.helpdesk.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser opened at a phone's size shows pages at that size: headless Chromium otherwise keeps windows at least
 * 500 px wide, and a phone test would pass on a screen a third wider than any phone.
 */
@ExtendWith(Browser.Available.class)
class BrowserTest {

	@Test
	void aPhoneSizedBrowserShowsPagesExactlyThatWide() {
		try (Browser browser = new Browser("data:text/html,", 375, 800)) {
			browser.open("<p>phone</p>");
			assertThat(((Number) browser.script("return window.innerWidth")).intValue()).isEqualTo(375);
		}
	}
}
