package org.helpdesk.account;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The generated password of the first administrator is the operator's only way in: the log must make it impossible
 * to miss among the start-up lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

	@Test
	void aGeneratedPasswordIsLoggedOnItsOwnLineInAFramedWarningBanner(CapturedOutput output) {
		AccountManagement accounts = mock(AccountManagement.class);
		when(accounts.createFirstAdmin(eq("admin"), anyString())).thenReturn(true);

		new FirstAdministrator(accounts, new AdminSettings("admin", "")).run(new DefaultApplicationArguments());

		List<String> lines = Arrays.asList(output.getOut().split("\\R"));
		assertThat(lines).anyMatch(line -> line.contains("WARN"));
		assertThat(lines).filteredOn(line -> line.matches("#{40,}")).as("frame lines").hasSize(2);
		assertThat(lines).anyMatch(line -> line.matches("#\\s+username: admin"));
		assertThat(lines).anyMatch(line -> line.matches("#\\s+password: [A-Za-z0-9_-]{24}"));
		assertThat(lines).anyMatch(line -> line.contains("HELPDESK_ADMIN_PASSWORD"));
	}
}
