import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The least CPU that Jakarta Mail spends on one notification: N mails shaped like the helpdesk's (a plain and an HTML
 * part) built and sent over one SMTP connection, with no database, no template and no helpdesk around them. Run by
 * bench/smtp-floor.sh: {@code java -cp <jakarta mail> bench/SmtpFloor.java <port> <count> [build-only]}. The first
 * round warms the JIT; the second is the figure.
 */
public class SmtpFloor {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int count = Integer.parseInt(args[1]);
		boolean buildOnly = args.length > 2;
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(port));
		Session session = Session.getInstance(properties);
		String text = "Hello,\n\nyour ticket [bench-42] \"Printer on floor 3 is broken\" was opened.\n".repeat(8);
		String html = "<p>" + text.replace("\n", "<br>") + "</p>";
		var system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		for (int round = 1; round <= 2; round++) {
			long cpu0 = system.getProcessCpuTime();
			long start = System.nanoTime();
			try (Transport transport = session.getTransport("smtp")) {
				if (!buildOnly) {
					transport.connect();
				}
				for (int i = 0; i < count; i++) {
					MimeMessage message = new MimeMessage(session);
					message.setFrom(new InternetAddress("helpdesk@example.test"));
					message.setRecipients(Message.RecipientType.TO,
							InternetAddress.parse("customer" + i + "@example.test"));
					message.setSubject("[bench-" + i + "] Printer on floor 3 is broken", "UTF-8");
					MimeMultipart alternatives = new MimeMultipart("alternative");
					MimeBodyPart plain = new MimeBodyPart();
					plain.setText(text, "UTF-8", "plain");
					alternatives.addBodyPart(plain);
					MimeBodyPart rich = new MimeBodyPart();
					rich.setText(html, "UTF-8", "html");
					alternatives.addBodyPart(rich);
					message.setContent(alternatives);
					message.saveChanges();
					if (buildOnly) {
						message.writeTo(OutputStream.nullOutputStream());
					}
					else {
						transport.sendMessage(message, message.getAllRecipients());
					}
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double cpuMs = (system.getProcessCpuTime() - cpu0) / 1e6;
			System.out.printf("round %d (%s): %d mails in %.1f s, %.0f mails/s, client CPU %.3f ms per mail%n", round,
					buildOnly ? "built and encoded, not sent" : "built and sent", count, seconds, count / seconds,
					cpuMs / count);
		}
	}
}
