package io.tradecredit.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1 for the service's mailer, as
 * {@code ./platform up} runs one on 2525. Tests read what it received, and stop and start it to
 * play an SMTP outage.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {
    private static int port;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        down();
    }

    /** The port the service's mailer sends to. */
    public static int port() {
        return port;
    }

    /** Starts the server (again) on its port, with no mail received. */
    public static synchronized void up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
        }
    }

    /** Stops the server: the port refuses connections, as an SMTP server that is down. */
    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every email received so far addressed to {@code to}. */
    public static List<MimeMessage> to(String to) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                Address[] all = m.getAllRecipients();
                return all != null && Arrays.stream(all).anyMatch(a -> a.toString().contains(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
