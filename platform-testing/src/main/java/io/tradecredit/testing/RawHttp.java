package io.tradecredit.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/**
 * A GET written on a socket as it stands, for what HTTP clients refuse to send: a malformed URI
 * ({@code ?q=%zz}) as a buyer's ERP might send it. Goes to the service under test
 * ({@link RestAssured#port}); answers the whole HTTP response as text.
 */
public final class RawHttp {
    private RawHttp() {
    }

    public static String get(String uri, String bearerToken) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
