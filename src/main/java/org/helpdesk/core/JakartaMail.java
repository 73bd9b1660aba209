package org.helpdesk.core;

/**
 * One setting of Jakarta Mail that every part of the helpdesk reading or writing mail needs. Jakarta Mail 2.1 looks
 * its {@code StreamProvider} up with a {@link java.util.ServiceLoader} scan of the class path each time it builds a
 * message, a body part or an encoder (in the packaged jar a third of the outbox dispatcher's CPU, and seconds for an
 * inbound message of a few thousand parts). Naming the provider (Angus's, the one the scan would find) turns that
 * into a class lookup. The setting is a system property, so it holds for the whole process.
 */
public final class JakartaMail {

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	private JakartaMail() {
	}

	/** Names Angus's stream provider, unless the operator named one. */
	public static void findStreamsByName() {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}
}
