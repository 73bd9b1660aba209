package org.helpdesk.browser;

import org.helpdesk.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Clicking below the fold. Bootstrap's reboot sets {@code scroll-behavior: smooth}, so the scroll chromedriver
 * does before a click is still animating when it clicks, and the click lands on another element.
 */
final class Clicks {

	private Clicks() {
	}

	static WebElement click(Browser browser, By by) {
		WebElement element = browser.find(by);
		click(browser, element);
		return element;
	}

	static void click(Browser browser, WebElement element) {
		browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}
}
