import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a helpdesk database with many tickets (bench/seed.sh runs it with the JDK's source launcher and the JDBC driver
 * taken out of the helpdesk jar). The schema must exist (Flyway ran: the helpdesk started once on the database), and
 * so must the queues and the agents, which the tickets are spread over. Rows go straight into the tables with JDBC
 * batches, several connections at a time, ids counted up from the highest one there; afterwards the identity columns
 * restart past them, the per-queue counts are recounted and the planner's statistics refreshed, so that the helpdesk
 * takes the database as it is.
 *
 * <pre>
 *   java -cp DRIVER.jar bench/Seed.java URL USER PASSWORD TICKETS [THREADS]
 * </pre>
 *
 * Every ticket gets three follow-ups: the opening one (its description), a reply, and for resolved and closed tickets
 * the resolution (with the status change), else a second reply. Titles and texts are made of varied English and some
 * German sentences with numbers in them, so that keyword search has words to find and to miss. The same arguments give
 * the same data (fixed random seeds per block of tickets).
 */
public class Seed {

	static final int BLOCK = 5_000;

	static final int BATCH = 500;

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final Duration SPAN = Duration.ofDays(5 * 365);

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: Seed URL USER PASSWORD TICKETS [THREADS]");
			System.exit(2);
		}
		String url = args[0];
		if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
			url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
		}
		long tickets = Long.parseLong(args[3]);
		int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
		new Seed(url, args[1], args[2]).run(tickets, threads);
		System.exit(0);
	}

	private final String url;

	private final String user;

	private final String password;

	private long[] queues;

	private long[] agents;

	private String[] agentNames;

	Seed(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url, user, password);
	}

	void run(long count, int threads) throws Exception {
		long firstTicket;
		long firstFollowUp;
		long firstChange;
		try (Connection c = connect()) {
			queues = ids(c, "select id from queue order by id");
			agents = ids(c, "select id from account where role in ('agent', 'admin') and active order by id");
			agentNames = new String[agents.length];
			for (int i = 0; i < agents.length; i++) {
				agentNames[i] = single(c, "select coalesce(nullif(trim(first_name || ' ' || last_name), ''), username)"
						+ " from account where id = " + agents[i]);
			}
			firstTicket = max(c, "ticket") + 1;
			firstFollowUp = max(c, "followup") + 1;
			firstChange = max(c, "ticket_change") + 1;
		}
		if (queues.length == 0 || agents.length == 0) {
			throw new IllegalStateException("create the queues and agents first (bench/seed.sh does)");
		}
		System.out.printf(Locale.ROOT, "seeding %,d tickets (%,d follow-ups) into %d queues, %d agents, %d threads%n",
				count, count * 3, queues.length, agents.length, threads);
		long start = System.nanoTime();
		AtomicLong next = new AtomicLong(0);
		AtomicLong done = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			work.add(pool.submit(() -> {
				try (Connection c = connect()) {
					c.setAutoCommit(false);
					Writer writer = new Writer(c);
					for (long block = next.getAndAdd(BLOCK); block < count; block = next.getAndAdd(BLOCK)) {
						long n = Math.min(BLOCK, count - block);
						writer.block(count, block, n, firstTicket, firstFollowUp, firstChange);
						c.commit();
						long total = done.addAndGet(n);
						if (total % 100_000 < BLOCK) {
							double s = (System.nanoTime() - start) / 1e9;
							System.out.printf(Locale.ROOT, "  %,d tickets after %.0f s (%.0f tickets/s)%n", total, s,
									total / s);
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> f : work) {
			f.get();
		}
		pool.shutdown();
		double loaded = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "rows written in %.1f s (%.0f tickets/s)%n", loaded, count / loaded);
		long finish = System.nanoTime();
		try (Connection c = connect()) {
			finish(c, firstTicket + count, firstFollowUp + 3 * count, firstChange + 3 * count);
		}
		System.out.printf(Locale.ROOT, "identities, counts and statistics in %.1f s; %.1f s in all%n",
				(System.nanoTime() - finish) / 1e9, (System.nanoTime() - start) / 1e9);
	}

	/** Identities past the ids written, the per-queue counts recounted, fresh planner statistics. */
	private void finish(Connection c, long ticketId, long followUpId, long changeId) throws SQLException {
		boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		try (Statement s = c.createStatement()) {
			s.execute("alter table ticket alter column id restart with " + Math.max(ticketId, max(c, "ticket") + 1));
			s.execute("alter table followup alter column id restart with " + Math.max(followUpId, max(c, "followup") + 1));
			s.execute("alter table ticket_change alter column id restart with "
					+ Math.max(changeId, max(c, "ticket_change") + 1));
			if (tableExists(c, "ticket_count")) {
				c.setAutoCommit(false);
				s.execute("delete from ticket_count");
				s.execute("insert into ticket_count (queue_id, status, slot, tickets) select queue_id, status,"
						+ " mod(id, 16), count(*) from ticket group by queue_id, status, mod(id, 16)");
				c.commit();
				c.setAutoCommit(true);
			}
			s.execute(postgres ? "vacuum analyze" : "analyze");
		}
	}

	private static boolean tableExists(Connection c, String table) throws SQLException {
		try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
			return rs.next();
		}
	}

	private static long[] ids(Connection c, String sql) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

	private static String single(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static long max(Connection c, String table) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Writes blocks of tickets over one connection, with one prepared statement per table. */
	final class Writer {

		private final PreparedStatement ticket;

		private final PreparedStatement followUp;

		private final PreparedStatement change;

		Writer(Connection c) throws SQLException {
			ticket = c.prepareStatement("""
					insert into ticket (id, queue_id, title, description, resolution, resolution_public, submitter_email,
					  assigned_to, status, priority, on_hold, due_date, created, modified, secret_key, version)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
			followUp = c.prepareStatement("""
					insert into followup (id, ticket_id, date, title, comment, public, user_id, new_status)
					values (?, ?, ?, ?, ?, ?, ?, ?)""");
			change = c.prepareStatement(
					"insert into ticket_change (id, followup_id, field, old_value, new_value) values (?, ?, ?, ?, ?)");
		}

		/** Tickets {@code block} to {@code block + n - 1} (counted from 0) of {@code count}. */
		void block(long count, long block, long n, long firstTicket, long firstFollowUp, long firstChange)
				throws SQLException {
			SplittableRandom random = new SplittableRandom(0x5eedL * 31 + block);
			int pending = 0;
			for (long k = block; k < block + n; k++) {
				add(random, count, k, firstTicket + k, firstFollowUp + 3 * k, firstChange + 3 * k);
				if (++pending == BATCH) {
					flush();
					pending = 0;
				}
			}
			flush();
		}

		private void flush() throws SQLException {
			ticket.executeBatch();
			followUp.executeBatch();
			change.executeBatch();
		}

		private void add(SplittableRandom r, long count, long k, long id, long followUpId, long changeId)
				throws SQLException {
			// ids grow with time: ticket k was opened k/count of the way through the last five years
			Instant created = NOW.minus(SPAN).plusSeconds((long) (SPAN.toSeconds() * ((k + r.nextDouble()) / count)));
			boolean recent = k >= count * 0.95; // the last quarter year or so: most of the open tickets
			String status = status(r, recent);
			boolean finished = status.equals("resolved") || status.equals("closed") || status.equals("duplicate");
			long queue = queues[Math.min(queues.length - 1, (int) (queues.length * Math.pow(r.nextDouble(), 1.6)))];
			int agent = r.nextInt(agents.length);
			Long owner = finished || r.nextInt(10) < 7 ? agents[agent] : null;
			int priority = priority(r);
			boolean german = r.nextInt(5) == 0;
			Texts texts = new Texts(r, german, id);
			String description = texts.description();
			Instant replied = created.plusSeconds(600 + r.nextLong(3 * 86_400));
			Instant last = finished ? replied.plusSeconds(3_600 + r.nextLong(10 * 86_400))
					: replied.plusSeconds(r.nextLong(2 * 86_400));
			if (last.isAfter(NOW)) {
				last = NOW;
			}
			if (replied.isAfter(last)) {
				replied = last;
			}
			String resolution = finished ? texts.resolution() : null;
			Instant due = r.nextInt(10) == 0 ? created.plus(Duration.ofDays(1 + r.nextInt(30))) : null;

			ticket.setLong(1, id);
			ticket.setLong(2, queue);
			ticket.setString(3, texts.title());
			ticket.setString(4, description);
			ticket.setString(5, resolution);
			ticket.setBoolean(6, finished);
			ticket.setString(7, texts.submitter());
			setLong(ticket, 8, owner);
			ticket.setString(9, status);
			ticket.setInt(10, priority);
			ticket.setBoolean(11, !finished && r.nextInt(50) == 0);
			ticket.setTimestamp(12, due == null ? null : Timestamp.from(due));
			ticket.setTimestamp(13, Timestamp.from(created));
			ticket.setTimestamp(14, Timestamp.from(last));
			ticket.setString(15, new UUID(r.nextLong(), r.nextLong()).toString());
			ticket.setInt(16, 2);
			ticket.addBatch();

			String opened = owner == null ? "Ticket Opened" : "Ticket Opened & Assigned to " + agentNames[agent];
			followUp(followUpId, id, created, opened, description, true, null, null);
			boolean customerFirst = r.nextInt(3) == 0;
			followUp(followUpId + 1, id, replied, customerFirst ? "Comment from submitter" : "Comment Added",
					customerFirst ? texts.customerReply() : texts.agentReply(), true,
					customerFirst ? null : agents[agent], null);
			if (finished) {
				String label = status.equals("closed") ? "Closed" : status.equals("duplicate") ? "Duplicate" : "Resolved";
				followUp(followUpId + 2, id, last, label, resolution, true, agents[agent], status);
				change.setLong(1, changeId);
				change.setLong(2, followUpId + 2);
				change.setString(3, "Status");
				change.setString(4, "Open");
				change.setString(5, label);
				change.addBatch();
			}
			else {
				boolean internal = r.nextBoolean();
				followUp(followUpId + 2, id, last, internal ? "Comment Added" : "Comment from submitter",
						internal ? texts.agentReply() : texts.customerReply(), !internal, internal ? agents[agent] : null,
						null);
			}
		}

		private void followUp(long id, long ticketId, Instant date, String title, String comment, boolean isPublic,
				Long userId, String newStatus) throws SQLException {
			followUp.setLong(1, id);
			followUp.setLong(2, ticketId);
			followUp.setTimestamp(3, Timestamp.from(date));
			followUp.setString(4, title);
			followUp.setString(5, comment);
			followUp.setBoolean(6, isPublic);
			setLong(followUp, 7, userId);
			followUp.setString(8, newStatus);
			followUp.addBatch();
		}
	}

	private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
		if (value == null) {
			s.setNull(index, java.sql.Types.BIGINT);
		}
		else {
			s.setLong(index, value);
		}
	}

	/** About a tenth open or reopened overall; most of the recent tickets, few of the old ones. */
	static String status(SplittableRandom r, boolean recent) {
		int p = r.nextInt(1000);
		if (recent) {
			return p < 600 ? "open" : p < 700 ? "reopened" : p < 850 ? "resolved" : "closed";
		}
		return p < 55 ? "open" : p < 70 ? "reopened" : p < 220 ? "resolved" : p < 980 ? "closed" : "duplicate";
	}

	static int priority(SplittableRandom r) {
		int p = r.nextInt(100);
		return p < 5 ? 1 : p < 20 ? 2 : p < 80 ? 3 : p < 95 ? 4 : 5;
	}

	/** The words of one ticket. */
	static final class Texts {

		private static final String[] DEVICES = { "printer", "laptop", "monitor", "keyboard", "docking station",
				"VPN client", "mail client", "Outlook calendar", "Teams meeting", "desk phone", "headset", "scanner",
				"projector", "Wi-Fi", "network drive", "SharePoint site", "badge reader", "coffee machine",
				"file server", "nightly backup", "invoice system", "CRM", "webcam", "router", "firewall rule",
				"certificate", "password reset page", "expense tool", "label printer", "shared mailbox" };

		private static final String[] GERMAN_DEVICES = { "Drucker", "Rechner", "Bildschirm", "Laptop", "Scanner",
				"Netzlaufwerk", "Telefon", "Beamer", "Mailprogramm", "Kalender", "Zugang zum Rechnungssystem",
				"Dockingstation", "WLAN", "Kaffeeautomat" };

		private static final String[] PROBLEMS = { "does not print", "is very slow", "keeps disconnecting",
				"cannot connect", "freezes after login", "jams on every page", "prints blank pages",
				"asks for the password again and again", "is out of toner", "does not start", "makes a strange noise",
				"shows the wrong time", "will not sync", "crashes when opening attachments", "drops calls",
				"flickers", "is locked", "rejects my badge", "loses its settings", "shows a certificate warning" };

		private static final String[] GERMAN_PROBLEMS = { "druckt nicht", "ist sehr langsam", "startet nicht",
				"zeigt eine Fehlermeldung", "verbindet sich nicht", "friert ein", "ist gesperrt",
				"verliert die Verbindung", "macht komische Geräusche", "zeigt ein leeres Bild" };

		private static final String[] PLACES = { "on the third floor", "in meeting room B", "in the Berlin office",
				"at reception", "in building 2", "in the warehouse", "in the Hamburg branch", "on the second floor",
				"in the training room", "at my desk", "in the London office", "in the lab" };

		private static final String[] GERMAN_PLACES = { "im dritten Stock", "im Besprechungsraum 4",
				"in der Buchhaltung", "am Empfang", "im Lager", "in der Filiale München", "im Schulungsraum",
				"an meinem Arbeitsplatz" };

		private static final String[] SINCE = { "this morning", "yesterday", "last Monday", "the update last night",
				"the move to the new office", "two weeks", "the power cut" };

		private static final String[] TEAMS = { "accounting", "sales", "the warehouse team", "marketing", "HR",
				"the support desk", "legal", "purchasing" };

		private static final String[] FIRST = { "anna", "ben", "clara", "david", "eva", "felix", "greta", "hannah",
				"ivan", "julia", "karl", "lena", "max", "nora", "oskar", "paula", "ravi", "sofia", "tom", "ute", "yusuf",
				"zoe", "jürgen", "maria", "li", "omar", "priya", "sven", "ines", "mateo" };

		private static final String[] LAST = { "schmidt", "miller", "novak", "rossi", "garcia", "kowalski", "nguyen",
				"meyer", "brown", "fischer", "okafor", "jensen", "weber", "silva", "tanaka", "wagner", "dubois", "khan",
				"becker", "larsen" };

		private static final String[] COMPANIES = { "example.com", "acme.example", "contoso.example", "initech.example",
				"globex.example", "umbrella.example", "stark.example", "wayne.example", "tyrell.example",
				"kunde.example", "firma.example", "muster.example" };

		// %1$s: the device, %2$s: the error code, %3$s: the ticket's reference
		private static final String[] AGENT_REPLIES = { "I have replaced the %1$s and restarted it; please try again.",
				"Could you send a screenshot of the error message? Please quote %3$s in your answer.",
				"We see the same problem with the %1$s in other offices; a fix is being rolled out.",
				"Remote session scheduled for tomorrow at 10:00. Please leave the %1$s switched on.",
				"The driver of the %1$s was outdated; I updated it, error %2$s should be gone.",
				"Ich habe den Treiber für den %1$s neu installiert, bitte noch einmal testen.",
				"Escalated to the network team; the switch port of the %1$s shows errors.",
				"Please restart the %1$s and tell us whether error %2$s comes back." };

		private static final String[] CUSTOMER_REPLIES = { "Thanks, it works again since the restart.",
				"Still broken: error %2$s again this morning.", "Danke, das Problem ist behoben.",
				"Leider funktioniert es immer noch nicht, Fehler %2$s.",
				"I attached the log; the %1$s stopped again at noon.",
				"Could someone come by? The whole team is waiting for the %1$s." };

		private static final String[] RESOLUTIONS = { "Replaced the toner and cleaned the rollers of the %1$s.",
				"Reset the password and unlocked the account.", "Treiber aktualisiert, Problem behoben.",
				"Moved the %1$s to a new switch port; stable since.", "Reinstalled the %1$s and restored its settings.",
				"The vendor replaced the %1$s under warranty.", "Duplicate of a known problem with the %1$s, fixed there.",
				"Konfiguration des %1$s korrigiert; funktioniert wieder." };

		private final SplittableRandom r;

		private final boolean german;

		private final long id;

		private final String device;

		private final String problem;

		private final String place;

		private final String error;

		Texts(SplittableRandom r, boolean german, long id) {
			this.r = r;
			this.german = german;
			this.id = id;
			this.device = german ? pick(GERMAN_DEVICES) : pick(DEVICES);
			this.problem = german ? pick(GERMAN_PROBLEMS) : pick(PROBLEMS);
			this.place = german ? pick(GERMAN_PLACES) : pick(PLACES);
			this.error = "0x" + Integer.toHexString(0x8000_0000 + r.nextInt(0x10000)).toUpperCase(Locale.ROOT);
		}

		private String pick(String[] words) {
			return words[r.nextInt(words.length)];
		}

		String title() {
			String title = german ? cap(device) + " " + place + " " + problem
					: "The " + device + " " + place + " " + problem;
			return r.nextInt(4) == 0 ? title + " (" + (german ? "dringend" : "urgent") + ")" : title;
		}

		String description() {
			StringBuilder text = new StringBuilder();
			if (german) {
				text.append("Hallo, seit ").append(pick(new String[] { "heute früh", "gestern", "Montag", "dem Update" }))
					.append(' ').append(problem).append(" der ").append(device).append(' ').append(place).append(". ");
				text.append("Fehlercode ").append(error).append(". Ein Neustart hat nicht geholfen. ");
				if (r.nextBoolean()) {
					text.append("Bitte um schnelle Hilfe, wir haben morgen eine Präsentation. ");
				}
				text.append("Inventarnummer INV-").append(100_000 + id % 900_000).append(". Viele Grüße");
				return text.toString();
			}
			text.append("Since ").append(pick(SINCE)).append(", the ").append(device).append(' ').append(place)
				.append(' ').append(problem).append(". ");
			if (r.nextBoolean()) {
				text.append("The message says \"error ").append(error).append("\". ");
			}
			if (r.nextBoolean()) {
				text.append("I already tried switching it off and on again, but that did not help. ");
			}
			text.append("This affects ").append(2 + r.nextInt(40)).append(" people in ").append(pick(TEAMS))
				.append(". ");
			if (r.nextInt(3) == 0) {
				text.append("Please call me back at extension ").append(1000 + r.nextInt(9000)).append(". ");
			}
			text.append("Asset tag INV-").append(100_000 + id % 900_000).append('.');
			return text.toString();
		}

		String submitter() {
			return pick(FIRST) + "." + pick(LAST) + (r.nextInt(4) == 0 ? String.valueOf(r.nextInt(100)) : "") + "@"
					+ pick(COMPANIES);
		}

		String agentReply() {
			return String.format(Locale.ROOT, pick(AGENT_REPLIES), device, error, "IT-" + id);
		}

		String customerReply() {
			return String.format(Locale.ROOT, pick(CUSTOMER_REPLIES), device, error, "IT-" + id);
		}

		String resolution() {
			return String.format(Locale.ROOT, pick(RESOLUTIONS), device, error, "IT-" + id);
		}

		private static String cap(String s) {
			return Character.toUpperCase(s.charAt(0)) + s.substring(1);
		}
	}
}
