package org.helpdesk.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.helpdesk.core.HelpdeskSettings;
import org.springframework.stereotype.Component;

/**
 * Encrypts mailbox passwords with AES-GCM (a fresh 96-bit nonce per password) so that a copy of the database alone
 * does not give the mail servers away. Stored as {@code v1:} + base64(nonce + ciphertext + tag).
 */
@Component
class MailboxPasswords {

	private static final String PREFIX = "v1:";

	private static final int NONCE = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MailboxSecret secret;

	private final Path keyFile;

	private volatile SecretKey key;

	MailboxPasswords(MailboxSecret secret, HelpdeskSettings settings) {
		this.secret = secret;
		this.keyFile = settings.dataDir().resolve("mailbox-secret.key");
	}

	String encrypt(String password) {
		byte[] nonce = new byte[NONCE];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a mailbox password", ex);
		}
	}

	/** The password, or a {@link MailboxPasswordUnreadable} when it was sealed with another key. */
	String decrypt(String stored) {
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, NONCE));
			return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			throw new MailboxPasswordUnreadable();
		}
	}

	private SecretKey key() {
		SecretKey current = key;
		if (current == null) {
			synchronized (this) {
				if (key == null) {
					byte[] bytes = Base64.getDecoder().decode(secret.secretKey().isBlank() ? fromFile() : secret.secretKey().trim());
					if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
						throw new IllegalStateException("helpdesk.inbox.secret-key must be 16, 24 or 32 bytes, base64");
					}
					key = new SecretKeySpec(bytes, "AES");
				}
				current = key;
			}
		}
		return current;
	}

	private String fromFile() {
		try {
			if (!Files.exists(keyFile)) {
				byte[] bytes = new byte[32];
				RANDOM.nextBytes(bytes);
				create(Base64.getEncoder().encodeToString(bytes));
			}
			return Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + keyFile, ex);
		}
	}

	private void create(String encoded) throws IOException {
		Files.createDirectories(keyFile.toAbsolutePath().getParent());
		try {
			if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(keyFile);
			}
			Files.writeString(keyFile, encoded, StandardCharsets.US_ASCII);
		}
		catch (FileAlreadyExistsException raced) {
			// another node sharing the data dir created it first; theirs is the one
		}
	}
}
