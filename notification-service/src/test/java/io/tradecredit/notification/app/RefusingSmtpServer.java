package io.tradecredit.notification.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An SMTP server on GreenMail's port (GreenMail down) that knows no recipient: it greets, takes EHLO and MAIL FROM,
 * and answers every RCPT TO with {@code 550 5.1.1 ... User unknown}, a permanent refusal (RFC 5321 §4.2.1), as a
 * buyer's mail server does for an address that no longer exists. {@link #close()} closes every connection taken.
 */
final class RefusingSmtpServer implements AutoCloseable {
    static final String REFUSAL = "550 5.1.1 Recipient address rejected: User unknown";
    final List<String> recipientsRefused = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> taken = Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket listening;

    RefusingSmtpServer(int port) throws IOException {
        listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress("127.0.0.1", port));
        daemon(() -> {
            try {
                while (true) {
                    Socket s = listening.accept();
                    taken.add(s);
                    daemon(() -> converse(s));
                }
            } catch (IOException closed) {
                // no more connections taken
            }
        });
    }

    private void converse(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            say(out, "220 refusing.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    say(out, "250 refusing.example");
                } else if (command.startsWith("RCPT")) {
                    recipientsRefused.add(line);
                    say(out, REFUSAL);
                } else if (command.startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else if (command.startsWith("DATA")) {
                    say(out, "554 5.5.1 No valid recipients");
                } else {
                    say(out, "250 ok");
                }
            }
        } catch (IOException closed) {
            // closed by the client or the test
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listening.close();
        synchronized (taken) {
            for (Socket s : taken) {
                s.close();
            }
        }
    }
}
