package org.helpdesk.durability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.helpdesk.support.FullStackTest;
import org.awaitility.core.ConditionTimeoutException;
import org.helpdesk.support.HelpdeskClient;

import static org.awaitility.Awaitility.await;

/**
 * The helpdesk as a real child process (its own JVM, started from the test classpath, because the surefire phase
 * runs before the jar is packaged), so that a test can kill it the way a crash would: SIGKILL, no shutdown hooks.
 */
final class HelpdeskProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private final Process process;

	private final Path log;

	private final HelpdeskClient client;

	private HelpdeskProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.client = new HelpdeskClient("http://127.0.0.1:" + port);
	}

	/** Starts the helpdesk on a free port with its data under {@code dataDir} and waits until it is UP. */
	static HelpdeskProcess start(Path dataDir, List<String> databaseArguments) throws IOException {
		int port = freePort();
		Path log = Files.createTempFile(dataDir, "helpdesk-", ".log");
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
				"-cp", System.getProperty("java.class.path"), "org.helpdesk.HelpdeskApplication",
				"--server.port=" + port, "--helpdesk.data-dir=" + dataDir,
				"--helpdesk.admin.username=" + FullStackTest.ADMIN,
				"--helpdesk.admin.password=" + FullStackTest.ADMIN_PASSWORD,
				"--helpdesk.security.password-hash-strength=4"));
		command.addAll(databaseArguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		HelpdeskProcess started = new HelpdeskProcess(process, log, port);
		started.awaitUp();
		return started;
	}

	HelpdeskClient client() {
		return client;
	}

	/** SIGKILL on Linux: the JVM gets no chance to flush or close anything. */
	void crash() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			crash();
		}
	}

	private void awaitUp() {
		try {
			await().atMost(STARTUP).pollInterval(Duration.ofMillis(200))
				.until(() -> isUp() || !process.isAlive());
		}
		catch (ConditionTimeoutException slow) {
			// reported below with the log
		}
		if (!isUp()) {
			process.destroyForcibly();
			throw new AssertionError("The helpdesk did not come UP; its log:\n" + tail());
		}
	}

	private boolean isUp() {
		try {
			return client.get("/actuator/health").status() == 200;
		}
		catch (IllegalStateException notListeningYet) {
			return false;
		}
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
