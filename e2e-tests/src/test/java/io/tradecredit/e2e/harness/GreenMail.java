package io.tradecredit.e2e.harness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail as {@code ./platform up} runs it (greenmail-standalone from devstack's classpath, SMTP
 * and the REST API, no authentication), on free ports; mail read back through its REST API and
 * parsed as MIME.
 */
public final class GreenMail {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One mail as it arrived: subject, the text of its text parts, the file names of its attachments. */
    public record Mail(String subject, String from, String text, List<String> attachments) {
    }

    final int smtpPort;
    final int apiPort;
    private final ChildProcess process;

    private GreenMail(int smtpPort, int apiPort, ChildProcess process) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.process = process;
    }

    static GreenMail start(String devstackClasspath, Path logs, Path workDir, List<ChildProcess> children) {
        String jar = List.of(devstackClasspath.split(java.io.File.pathSeparator)).stream()
                .filter(p -> p.contains("greenmail-standalone")).findFirst()
                .orElseThrow(() -> new IllegalStateException("greenmail-standalone not on devstack's classpath"));
        int smtp = ChildProcess.freePort();
        int api = ChildProcess.freePort();
        ChildProcess p = ChildProcess.start("greenmail", logs, workDir, Map.of(), List.of(ChildProcess.java(), "-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtp,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + api,
                "-Dgreenmail.auth.disabled", "-jar", jar));
        children.add(p);
        return new GreenMail(smtp, api, p);
    }

    /** The GreenMail another JVM started (Harness.attach). */
    static GreenMail at(int smtpPort, int apiPort) {
        return new GreenMail(smtpPort, apiPort, null);
    }

    void awaitReady() {
        process.awaitHttpOk(api() + "/service/readiness", Duration.ofSeconds(60));
    }

    private String api() {
        return "http://127.0.0.1:" + apiPort + "/api";
    }

    /** Every mail in {@code address}'s inbox, oldest first (none when nothing ever arrived for it). */
    public List<Mail> inbox(String address) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api() + "/user/"
                    + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return List.of();
            }
            List<Mail> mails = new ArrayList<>();
            for (JsonNode m : JSON.readTree(r.body())) {
                mails.add(parse(m.get("mimeMessage").asText()));
            }
            return mails;
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException("GreenMail inbox of " + address + " not readable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Message-ID of every mail in {@code address}'s inbox, one per mail as it arrived (the fault suite counts repeats). */
    public List<String> messageIds(String address) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api() + "/user/"
                    + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> ids = new ArrayList<>();
            if (r.statusCode() == 200) {
                for (JsonNode m : JSON.readTree(r.body())) {
                    ids.add(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(
                            m.get("mimeMessage").asText().getBytes(StandardCharsets.UTF_8))).getMessageID());
                }
            }
            return ids;
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException("GreenMail inbox of " + address + " not readable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Mail parse(String raw) throws IOException, jakarta.mail.MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        StringBuilder text = new StringBuilder();
        List<String> attachments = new ArrayList<>();
        collect(m, text, attachments);
        return new Mail(m.getSubject(), m.getFrom() == null ? null : m.getFrom()[0].toString(), text.toString(),
                attachments);
    }

    private static void collect(Part part, StringBuilder text, List<String> attachments)
            throws IOException, jakarta.mail.MessagingException {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, text, attachments);
            }
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part.getFileName());
        } else if (part.isMimeType("text/*")) {
            text.append(part.getContent()).append('\n');
        }
    }
}
