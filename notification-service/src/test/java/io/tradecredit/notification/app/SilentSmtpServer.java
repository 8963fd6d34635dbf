package io.tradecredit.notification.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An SMTP server that takes connections on GreenMail's port (GreenMail down) and never says a word (a hung relay, a
 * firewall dropping the session): what it took, and which of those the client closed, are kept for the test.
 * {@link #stopTaking()} closes the listening socket and keeps the connections taken open and silent; {@link #close()}
 * closes them too.
 */
final class SilentSmtpServer implements AutoCloseable {
    final List<Socket> taken = Collections.synchronizedList(new ArrayList<>());
    final List<Socket> closedByClient = Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket listening;

    SilentSmtpServer(int port) throws IOException {
        listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress("127.0.0.1", port));
        Thread accepting = new Thread(() -> {
            try {
                while (true) {
                    Socket s = listening.accept(); // and never a word, nor a close
                    taken.add(s);
                    daemon(() -> {
                        try {
                            if (s.getInputStream().read() == -1) {
                                closedByClient.add(s);
                            }
                        } catch (IOException closed) {
                            // closed by the test
                        }
                    });
                }
            } catch (IOException closed) {
                // no more connections taken
            }
        });
        accepting.setDaemon(true);
        accepting.start();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
    }

    /** Takes no new connection; those taken stay open and silent. */
    void stopTaking() throws IOException {
        listening.close();
    }

    @Override
    public void close() throws IOException {
        stopTaking();
        synchronized (taken) {
            for (Socket s : taken) {
                s.close();
            }
        }
    }
}
