package org.helpdesk.web.list;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading ticket ids and page numbers from the URL.
 */
class ListParametersTest {

	@Test
	void idsAndPageNumbersAcceptOnlyPositiveNumbers() {
		assertThat(ListParameters.id("42")).contains(42L);
		assertThat(ListParameters.id("-1")).isEmpty();
		assertThat(ListParameters.id("0")).isEmpty();
		assertThat(ListParameters.id("99999999999999999999")).isEmpty();
		assertThat(ListParameters.pageNumber("-1")).isEqualTo(1);
		assertThat(ListParameters.pageNumber("abc")).isEqualTo(1);
		assertThat(ListParameters.ids(List.of("1", "x"))).isEmpty();
	}
}
