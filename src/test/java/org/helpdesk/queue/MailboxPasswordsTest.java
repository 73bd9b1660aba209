package org.helpdesk.queue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.helpdesk.core.HelpdeskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mailbox passwords at rest: sealed with AES-GCM, readable only with the same key. */
class MailboxPasswordsTest {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@TempDir
	Path dataDir;

	private MailboxPasswords with(String key) {
		return new MailboxPasswords(new MailboxSecret(key), new HelpdeskSettings(dataDir, ""));
	}

	@Test
	void aSealedPasswordOpensWithTheSameKeyAndShowsNothingOfItself() {
		MailboxPasswords passwords = with(KEY);

		String sealed = passwords.encrypt("S3cret pässword");

		assertThat(sealed).startsWith("v1:").doesNotContain("S3cret");
		assertThat(passwords.encrypt("S3cret pässword")).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertThat(with(KEY).decrypt(sealed)).isEqualTo("S3cret pässword");
	}

	@Test
	void anotherKeyCannotOpenIt() {
		String sealed = with(KEY).encrypt("secret");
		String other = Base64.getEncoder().encodeToString("another key of 32 bytes length!!".getBytes());

		assertThatThrownBy(() -> with(other).decrypt(sealed)).isInstanceOf(MailboxPasswordUnreadable.class)
			.hasMessageNotContaining("secret ");
		assertThatThrownBy(() -> with(KEY).decrypt("v1:damaged")).isInstanceOf(MailboxPasswordUnreadable.class);
	}

	@Test
	void withoutAConfiguredKeyOneIsWrittenToTheDataDirForTheOwnerOnly() throws Exception {
		String sealed = with("").encrypt("secret");

		Path keyFile = dataDir.resolve("mailbox-secret.key");
		assertThat(keyFile).exists();
		assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(with("").decrypt(sealed)).as("a restart reads the same key").isEqualTo("secret");
	}

	@Test
	void aKeyOfTheWrongLengthIsRefused() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[10]);

		assertThatThrownBy(() -> with(shortKey).encrypt("secret")).hasMessageContaining("16, 24 or 32 bytes");
	}
}
