package io.tradecredit.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * notification-service's throughput (issue 13), each side against its raw baseline in the same run:
 * <ol>
 * <li><b>emails</b>: {@code bench.emails} critical {@code dunning.friendly-reminder} requests put on
 * {@code notification-requests} at once, timed until the service has recorded every one SENT
 * (handed to the platform's GreenMail), against a plain JavaMail loop sending the same number of
 * emails (the same subject, text and HTML part as the service rendered, read back from its
 * database) to the same SMTP server over one connection;</li>
 * <li><b>letters</b>: {@code bench.letters} critical zh-CN {@code dunning.finance-demand} LETTER
 * requests (the tenant's seal set), timed until every one is SENT (its PDF made and stored),
 * against rendering the very page the service fixed for one of them ({@code message.body_html},
 * seal included) with openhtmltopdf in this driver, on one thread, with the same two shipped
 * fonts, the same number of times.</li>
 * </ol>
 * Both go through the service's delivery worker: its pace ({@code NOTIFICATION_DELIVERY_EVERY},
 * 10 s, and {@code delivery.batch-size}, 50) bounds what it can hand over. Each side is warmed up
 * first, untimed ({@code bench.warmupEmails} 6,000 through the service in rounds of 2,000 and up to
 * 2,000 through the JavaMail loop, {@code bench.warmupLetters} 200 through the service; the raw rendering
 * warms itself up). The aim is about a warmed service: a freshly started one spends half of its CPU in
 * the JIT compiler still in its third 2,000 emails and a third in its fifth (issue 13, docs/performance.md),
 * where the raw loop is a few methods compiled within its first hundred. Each warm-up round prints its rate and the
 * compiler's share, so the cold service's figures are not hidden. The
 * raw baseline is timed just before and just after the service run: the load of a shared machine
 * moves it, so the driver states the ratio against the faster raw (against the aim: emails at least
 * 0.5x, letters at least 0.7x) and against the slower ({@link AgainstRaw}). Letters have two raw
 * baselines: openhtmltopdf parsing both fonts per PDF (its plain use), and parsing them once as the
 * service does (the fair one). GreenMail keeps every email in memory: the driver empties it (its
 * REST API, {@code bench.greenmailApi}) before and after the email part.
 * Setup: tenant acme (the integration client, roles finance and credit-manager) gets a sender
 * identity if it has none, and a bench buyer with a contact (email and postal address, zh-CN)
 * through the REST API; the seal goes straight into notification's database (uploading it needs a
 * tenant-admin). Needs the platform running ({@code ./platform up}).
 *
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=io.tradecredit.benchmarks.NotificationBenchmark \
 *     -Dbench.servicePid=$(cat .platform/run/notification-service.pid)</pre>
 *
 * Only the raw letter rendering, without the platform:
 * <pre>./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=io.tradecredit.benchmarks.NotificationBenchmark \
 *     -Dbench.parts=raw-letters</pre>
 *
 * Settings (system properties): bench.parts (emails,letters; or raw-letters), bench.emails (2000),
 * bench.letters (200), bench.warmupEmails (6000), bench.warmupLetters (200), bench.greenmailApi
 * (http://127.0.0.1:8025), bench.timeoutSeconds (per part, 1800), bench.serviceUrl, bench.kafka
 * (127.0.0.1:9092), bench.smtpHost / bench.smtpPort (127.0.0.1:2525), bench.jdbcUrl, bench.dbUser,
 * bench.dbPassword (notification), bench.fontDir (notification-service/src/main/resources/fonts),
 * bench.tenant (acme, the client's tenant), bench.tokenUrl, bench.clientId, bench.clientSecret,
 * bench.servicePid (CPU time), bench.statementStats (false; true on a platform started with
 * TC_PG_STATEMENT_STATS=on: what PostgreSQL spent the service's email phase on, {@link StatementStats}).
 */
public final class NotificationBenchmark {
    static final String TYPE = "io.tradecredit.notification.message-requested.v1";

    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = List.of(System.getProperty("bench.parts", "emails,letters").split(","));
        System.out.printf("machine: %s%n", Bench.machine());
        if (parts.contains("raw-letters")) {
            int n = Integer.getInteger("bench.letters", 200);
            double raw = rawLetters(samplePage(), sealPng(), n, false);
            double once = rawLetters(samplePage(), sealPng(), n, true);
            System.out.printf("raw openhtmltopdf, sample zh-CN finance demand: %d PDFs, %.1f letters/s parsing the fonts"
                    + " per letter, %.1f letters/s parsing them once%n", n, raw, once);
            return;
        }
        new NotificationBenchmark.Run().run(parts);
    }

    /** One run against the platform. */
    static final class Run {
        final String service = System.getProperty("bench.serviceUrl", "http://127.0.0.1:8085");
        final String tenant = System.getProperty("bench.tenant", "acme");
        final String pid = System.getProperty("bench.servicePid");
        final long timeoutNanos = Long.getLong("bench.timeoutSeconds", 1800) * 1_000_000_000L;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        final String runId = Long.toString(System.currentTimeMillis(), 36);

        void run(List<String> parts) throws Exception {
            String token = Bench.clientToken(http);
            UUID buyer = UUID.randomUUID();
            setUp(token, buyer);
            try (Connection db = DriverManager.getConnection(
                    System.getProperty("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/notification"),
                    System.getProperty("bench.dbUser", "notification"), System.getProperty("bench.dbPassword", "notification"));
                    KafkaProducer<String, String> kafka = producer()) {
                if (parts.contains("emails")) {
                    emails(db, kafka, buyer, Integer.getInteger("bench.emails", 2000));
                }
                if (parts.contains("letters")) {
                    letters(db, kafka, buyer, Integer.getInteger("bench.letters", 200));
                }
            }
            System.out.printf("machine at the end: %s%n", Bench.machine());
        }

        void setUp(String token, UUID buyer) throws Exception {
            HttpResponse<String> settings = call("GET", "/api/v1/notification-settings", token, null);
            if (Bench.JSON.readTree(settings.body()).path("sender").isNull()) {
                expect(call("PUT", "/api/v1/notification-settings", token, Map.of("sender", Map.of("fromName",
                        "艾克美贸易有限公司", "fromAddress", "ar@acme.example", "letterhead",
                        "艾克美贸易有限公司\n上海市浦东新区世纪大道100号\n税号 91310000MA1FL0001X", "signatory", "张三"))), 200);
            }
            expect(call("POST", "/api/v1/buyers/" + buyer + "/contacts", token, Map.of("name", "李伟", "function",
                    "应付账款", "email", "bench-" + runId + "@globex.example", "postalAddress", "上海市南京东路1号",
                    "language", "zh-CN")), 201);
        }

        /**
         * Warm-up of both sides (untimed), raw, the service, raw again. GreenMail keeps every email in its
         * 128 MB heap and ran out of it after some 12,000: it is emptied after every round and before
         * each timed phase, so each starts with the same empty mailbox.
         */
        /** Warm-up emails per round: GreenMail, holding them all in its heap, is emptied after each. */
        static final int WARMUP_ROUND = 2000;

        void emails(Connection db, KafkaProducer<String, String> kafka, UUID buyer, int n) throws Exception {
            int warmup = Math.max(1, Integer.getInteger("bench.warmupEmails", 6000));
            System.out.printf("%n== emails: %,d friendly reminders through the service between two JavaMail loops"
                    + " (after %,d through the service and %,d through JavaMail to warm up)%n", n, warmup,
                    Math.min(warmup, WARMUP_ROUND));
            purgeMailbox();
            String first = null;
            for (int left = warmup; left > 0; left -= WARMUP_ROUND) {
                List<String> warm = request(kafka, buyer, "dunning.friendly-reminder", "EMAIL", Math.min(left, WARMUP_ROUND));
                await(db, warm, "warm-up emails");
                first = first == null ? warm.get(0) : first;
                purgeMailbox();
            }
            String[] content = content(db, first);
            javaMailLoop(content, Math.min(warmup, WARMUP_ROUND));
            purgeMailbox();
            double rawBefore = javaMailLoop(content, n);
            purgeMailbox();
            StatementStats statements = Boolean.getBoolean("bench.statementStats") ? new StatementStats() : null;
            if (statements != null) {
                statements.reset();
            }
            double service = await(db, request(kafka, buyer, "dunning.friendly-reminder", "EMAIL", n), "emails");
            if (statements != null) {
                statements.report("while the service sent the emails");
            }
            purgeMailbox();
            double rawAfter = javaMailLoop(content, n);
            purgeMailbox();
            System.out.println(new AgainstRaw(service, rawBefore, rawAfter).line("emails", "/s", 0.5));
        }

        /** Empties the platform's GreenMail (its REST API); says so and goes on when it cannot. */
        void purgeMailbox() {
            String api = System.getProperty("bench.greenmailApi", "http://127.0.0.1:8025");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/mail/purge"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    System.out.printf("GreenMail purge answered %d: %s%n", r.statusCode(), r.body());
                }
            } catch (Exception e) {
                System.out.printf("GreenMail purge failed (%s): a long run may fill its heap%n", e);
            }
        }

        void letters(Connection db, KafkaProducer<String, String> kafka, UUID buyer, int n) throws Exception {
            System.out.printf("%n== letters: %,d zh-CN finance demands with the seal through the service, then openhtmltopdf%n", n);
            byte[] seal = sealPng();
            try (PreparedStatement s = db.prepareStatement("insert into letter_image (tenant_id, kind, png, sha256,"
                    + " width, height, uploaded_at, uploaded_by) values (?, 'SEAL', ?, 'bench', 300, 300, now(), 'bench')"
                    + " on conflict (tenant_id, kind) do nothing")) {
                s.setString(1, tenant);
                s.setBytes(2, seal);
                s.executeUpdate();
            }
            int warmup = Math.max(1, Integer.getInteger("bench.warmupLetters", 200));
            List<String> warm = request(kafka, buyer, "dunning.finance-demand", "LETTER", warmup);
            await(db, warm, "warm-up letters");
            String page = content(db, warm.get(0))[2];
            byte[] stamp;
            try (PreparedStatement s = db.prepareStatement("select png from letter_image where tenant_id = ? and kind = 'SEAL'")) {
                s.setString(1, tenant);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    stamp = r.getBytes(1);
                }
            }
            double perLetterBefore = rawLetters(page, stamp, n, false);
            double onceBefore = rawLetters(page, stamp, n, true);
            double service = await(db, request(kafka, buyer, "dunning.finance-demand", "LETTER", n), "letters");
            double perLetterAfter = rawLetters(page, stamp, n, false);
            double onceAfter = rawLetters(page, stamp, n, true);
            System.out.println(new AgainstRaw(service, perLetterBefore, perLetterAfter)
                    .line("letters (raw parses the fonts per letter)", "/s", 0.7));
            System.out.println(new AgainstRaw(service, onceBefore, onceAfter)
                    .line("letters (raw parses the fonts once, as the service does)", "/s", 0.7));
        }

        List<String> request(KafkaProducer<String, String> kafka, UUID buyer, String template, String channel, int n)
                throws Exception {
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("requestId", id);
                body.put("purpose", "dunning");
                body.put("templateKey", template);
                body.put("channel", channel);
                body.put("recipient", Map.of("kind", "BUYER", "buyerId", buyer.toString()));
                body.put("critical", true); // no send window: the benchmark measures the delivery, not the clock
                body.put("data", data(buyer, i));
                ProducerRecord<String, String> record = new ProducerRecord<>("notification-requests", id,
                        Bench.JSON.writeValueAsString(body));
                Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/tradecredit/benchmark", "ce_type", TYPE,
                        "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString(), "ce_subject", id, "ce_tenantid", tenant,
                        "content-type", "application/json")
                        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                kafka.send(record);
                ids.add(id);
            }
            kafka.flush();
            return ids;
        }

        /** Requests per second from the first request sent until all are SENT (or FAILED: then it stops). */
        double await(Connection db, List<String> ids, String what) throws Exception {
            long start = System.nanoTime();
            double cpuBefore = Bench.processCpuSeconds(pid);
            double jitBefore = Bench.jitCpuSeconds(pid);
            Map<String, Double> cpu = Bench.cpuByComponent();
            String in = "request_id = any (?::uuid[])";
            long sent = 0;
            while (System.nanoTime() - start < timeoutNanos) {
                try (PreparedStatement s = db.prepareStatement("select status, count(*), max(failure_reason) from message"
                        + " where " + in + " group by status")) {
                    s.setArray(1, db.createArrayOf("uuid", ids.toArray()));
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    String reason = null;
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            byStatus.put(r.getString(1), r.getLong(2));
                            reason = r.getString(3) != null ? r.getString(3) : reason;
                        }
                    }
                    sent = byStatus.getOrDefault("SENT", 0L);
                    if (byStatus.containsKey("FAILED") || byStatus.containsKey("UNKNOWN")) {
                        throw new IllegalStateException(what + ": " + byStatus + ", e.g. " + reason);
                    }
                }
                if (sent == ids.size()) {
                    break;
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("service: %,d of %,d %s SENT in %.1f s, %.1f/s; notification-service CPU %.1f s (its JIT"
                    + " compiler %.1f s); all components: %s%n", sent, ids.size(), what, seconds, sent / seconds,
                    Bench.processCpuSeconds(pid) - cpuBefore, Bench.jitCpuSeconds(pid) - jitBefore,
                    Bench.cpuUsed(cpu, Bench.cpuByComponent()));
            return sent / seconds;
        }

        /** subject, text and html of a message as the service rendered it. */
        String[] content(Connection db, String id) throws Exception {
            try (PreparedStatement s = db.prepareStatement("select subject, body_text, body_html from message where request_id = ?::uuid")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new String[] {r.getString(1), r.getString(2), r.getString(3)};
                }
            }
        }

        HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(service + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(Bench.JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        private static void expect(HttpResponse<String> r, int status) {
            if (r.statusCode() != status) {
                throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    /** Two invoices, one with stated late charges, and the payment deadline: fills every dunning template. */
    static Map<String, Object> data(UUID buyer, int i) {
        Map<String, Object> charges = Map.of("asOf", "2026-12-02", "interest", money("81.25"), "fee", money("375.00"),
                "total", money("456.25"));
        Map<String, Object> first = new LinkedHashMap<>(invoice("INV-B-" + i + "-1", "2026-10-20", 44, "12500.00"));
        first.put("lateCharges", charges);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buyer", Map.of("buyerId", buyer.toString(), "name", "环球贸易有限公司"));
        data.put("invoices", List.of(first, invoice("INV-B-" + i + "-2", "2026-10-25", 39, "3400.50")));
        data.put("step", Map.of("key", "finance-demand", "offsetDays", 30));
        data.put("runDate", "2026-12-03");
        data.put("paymentDeadline", "2026-12-20");
        data.put("priorMessages", List.of(Map.of("stepKey", "formal-demand", "templateKey", "dunning.formal-demand",
                "channels", List.of("EMAIL", "LETTER"), "runDate", "2026-11-03")));
        return data;
    }

    static Map<String, Object> invoice(String number, String due, int daysOverdue, String amount) {
        return Map.of("invoiceId", UUID.randomUUID().toString(), "invoiceNumber", number, "dueDate", due, "daysOverdue",
                daysOverdue, "openAmount", money(amount), "collectibleAmount", money(amount));
    }

    static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("bench.kafka", "127.0.0.1:9092"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** The same emails, sent by a plain JavaMail loop over one SMTP connection; emails per second. */
    static double javaMailLoop(String[] content, int n) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", System.getProperty("bench.smtpHost", "127.0.0.1"));
        p.put("mail.smtp.port", System.getProperty("bench.smtpPort", "2525"));
        Session session = Session.getInstance(p);
        long start = System.nanoTime();
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            for (int i = 0; i < n; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("ar@acme.example", "艾克美贸易有限公司", "UTF-8"));
                m.setRecipients(Message.RecipientType.TO, "raw-" + i + "@globex.example");
                m.setSubject(content[0], "UTF-8");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(content[1], "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(content[2], "text/html; charset=UTF-8");
                MimeMultipart both = new MimeMultipart("alternative", text, html);
                m.setContent(both);
                m.saveChanges();
                smtp.sendMessage(m, m.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw: %,d emails by JavaMail in %.1f s%n", n, seconds);
        return n / seconds;
    }

    /**
     * {@code page} rendered {@code n} times on this thread; PDFs per second. With {@code fontsOnce} the two
     * fonts are parsed once and embedded (as subsets) from the parsed fonts, as the service does
     * ({@code ShippedFonts}): the fair baseline for the service's own work; without, openhtmltopdf's
     * plain use, which parses both fonts again for every PDF.
     */
    static double rawLetters(String page, byte[] seal, int n, boolean fontsOnce) throws Exception {
        Path fonts = Path.of(System.getProperty("bench.fontDir", "notification-service/src/main/resources/fonts"));
        byte[] cjk = Files.readAllBytes(fonts.resolve("DroidSansFallbackFull.ttf"));
        byte[] latin = Files.readAllBytes(fonts.resolve("Arimo-Regular.ttf"));
        TrueTypeFont parsedCjk = fontsOnce ? new TTFParser().parse(new RandomAccessReadBuffer(cjk)) : null;
        TrueTypeFont parsedLatin = fontsOnce ? new TTFParser().parse(new RandomAccessReadBuffer(latin)) : null;
        String html = page.replace("letter-image:seal", "data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(seal)).replace("letter-image:logo", "");
        int warmup = Math.min(20, n);
        long bytes = 0;
        long start = 0;
        for (int i = -warmup; i < n; i++) {
            if (i == 0) {
                start = System.nanoTime();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            if (fontsOnce) {
                try (PDDocument doc = new PDDocument()) {
                    new PdfRendererBuilder().useFastMode().usePDDocument(doc)
                            .useFont(embedded(doc, parsedLatin), "Arimo", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                            .useFont(embedded(doc, parsedCjk), "Droid Sans Fallback", 400,
                                    BaseRendererBuilder.FontStyle.NORMAL, true)
                            .withHtmlContent(html, null).toStream(out).run();
                }
            } else {
                new PdfRendererBuilder().useFastMode()
                        .useFont(() -> new ByteArrayInputStream(latin), "Arimo", 400, BaseRendererBuilder.FontStyle.NORMAL, true)
                        .useFont(() -> new ByteArrayInputStream(cjk), "Droid Sans Fallback", 400,
                                BaseRendererBuilder.FontStyle.NORMAL, true)
                        .withHtmlContent(html, null).toStream(out).run();
            }
            bytes += i >= 0 ? out.size() : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw: %,d PDFs by openhtmltopdf (fonts parsed %s) in %.1f s (after %d to warm up), %,d bytes"
                + " each%n", n, fontsOnce ? "once" : "per PDF", seconds, warmup, n == 0 ? 0 : bytes / n);
        return n / seconds;
    }

    /**
     * {@code ttf}, already parsed, embedded in {@code doc} as a subset when the page first uses it.
     * Written here again, the way {@code ShippedFonts.Parsed.in} loads the shipped font, on purpose: a
     * baseline is the libraries alone, never the service's code, so a slower or faster change in the
     * service cannot move its own yardstick; and the same loading keeps the comparison fair.
     */
    static PDFontSupplier embedded(PDDocument doc, TrueTypeFont ttf) {
        return new PDFontSupplier(null) {
            private PDFont font;

            @Override
            public PDFont supply() {
                if (font == null) {
                    try {
                        font = PDType0Font.load(doc, ttf, true);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return font;
            }
        };
    }

    /** A red round seal, 300 pixels, as a PNG. */
    static byte[] sealPng() throws Exception {
        var img = new java.awt.image.BufferedImage(300, 300, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color(200, 0, 0, 200));
        g.setStroke(new java.awt.BasicStroke(14));
        g.drawOval(15, 15, 270, 270);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /**
     * Without the platform: a page shaped as the service lays out the zh-CN finance demand
     * (domain.LetterPage: letterhead, paragraphs, signature block with the seal, page numbers).
     */
    static String samplePage() {
        String fonts = "'Arimo', 'Droid Sans Fallback'";
        StringBuilder p = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""
                + " lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><style>@page { size: A4; margin: 22mm 20mm 24mm 20mm;"
                + " @bottom-center { content: \"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"; font-family: " + fonts
                + "; font-size: 8.5pt; } } body { font-family: " + fonts + "; font-size: 10.5pt; line-height: 1.5; }"
                + " p { margin: 0 0 3.5mm 0; } .letterhead { border-bottom: 0.6pt solid #333333; padding-bottom: 3mm;"
                + " margin-bottom: 8mm; } .sender { font-size: 9pt; } .signature { position: relative; margin: 8mm 0 0 50%;"
                + " min-height: 42mm; page-break-inside: avoid; } .seal { position: absolute; left: 4mm; top: -6mm;"
                + " width: 40mm; height: 40mm; }</style></head><body><div class=\"letterhead\"><div class=\"sender\">"
                + "艾克美贸易有限公司<br/>上海市浦东新区世纪大道100号<br/>税号 91310000MA1FL0001X</div></div>"
                + "<p>致：环球贸易有限公司<br/>收件人：李伟（应付账款）<br/>上海市南京东路1号</p><p>日期：2026-12-03</p>"
                + "<p>财务部最终催款函</p><p>尊敬的李伟：</p><p>以下发票已逾期三十天以上：</p><p>");
        p.append("- 发票号 INV-B-1-1，到期日 2026-10-20，已逾期 44 天：12500.00 CNY<br/>  按合同约定计算的逾期费用（截至 2026-12-02）："
                + "逾期利息：81.25 CNY；滞纳金：375.00 CNY<br/>- 发票号 INV-B-1-2，到期日 2026-10-25，已逾期 39 天：3400.50 CNY</p>"
                + "<p>此前就上述发票的沟通记录：<br/>- 2026-11-03：dunning.formal-demand（[EMAIL, LETTER]）</p>"
                + "<p>法律依据：根据《中华人民共和国民法典》第五百七十七条、第五百七十九条，当事人一方未支付价款、报酬的，应当承担违约责任，对方可以请求其支付。</p>"
                + "<p>请贵司于 2026-12-20 前支付上述发票款项及逾期费用。此函为最终催告：逾期未付，我司将不再另行通知，委托催收机构或律师处理，"
                + "并依法申请支付令或提起诉讼，由此产生的费用由贵司承担。</p><p>此致</p>"
                + "<div class=\"signature\"><p>张三<br/>艾克美贸易有限公司 财务部</p>"
                + "<img class=\"seal\" src=\"letter-image:seal\" alt=\"seal\"/></div></body></html>");
        return p.toString();
    }
}
