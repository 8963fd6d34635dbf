package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

/** A failed hand-over in an integrator's words: what went wrong and with whom, never a Java class name. */
class HandOverFailureTest {
    @Test
    void aRefusedConnectionNamesTheServerWhereverItLiesInTheCauses() {
        assertEquals("connection refused by smtp.example:25", HandOverFailure.words(new ConnectException(), "smtp.example:25"));
        assertEquals("connection refused by smtp.example:25", HandOverFailure.words(
                new CompletionException(new ConnectException("Connection refused")), "smtp.example:25"));
        assertEquals("connection refused by the other side", HandOverFailure.words(new ConnectException(), null));
        assertEquals("connection refused by the other side", HandOverFailure.words(new ConnectException(), " "));
    }

    @Test
    void aConnectTimeoutAndAnUnknownHostSayWhatHappened() {
        assertEquals("no connection to hooks.acme.example:443 within the connect timeout", HandOverFailure.words(
                new HttpConnectTimeoutException("HTTP connect timed out"), "hooks.acme.example:443"));
        assertEquals("the host of hooks.acme.example:443 is unknown", HandOverFailure.words(
                new CompletionException(new UnknownHostException("hooks.acme.example")), "hooks.acme.example:443"));
        assertEquals("the host of sms.example:443 is unknown", HandOverFailure.words(
                new java.nio.channels.UnresolvedAddressException(), "sms.example:443"));
    }

    @Test
    void anyOtherFailureSaysItsMessageWithoutClassNamesElseThatTheHandOverFailed() {
        assertEquals("Connection reset by peer", HandOverFailure.words(
                new IOException("java.io.IOException: Connection reset by peer"), "sms.example:443"));
        assertEquals("the receiver answered HTTP 503", HandOverFailure.words(
                new IllegalStateException("the receiver answered HTTP 503"), "hooks.acme.example:443"));
        assertEquals("4.2.2 mailbox full", HandOverFailure.words(new RuntimeException(null,
                new IOException("io.vertx.ext.mail.SMTPException: 4.2.2 mailbox full")), "smtp.example:25"));
        assertEquals("the hand-over to smtp.example:25 failed", HandOverFailure.words(new RuntimeException(), "smtp.example:25"));
        assertEquals("the hand-over to the other side failed", HandOverFailure.words(new NullPointerException(), null));
        assertEquals("", HandOverFailure.plain(null));
    }

    @Test
    void spentRetriesSayTheChannelTheLastFailureAndHowManyAttempts() {
        assertEquals("EMAIL: connection refused by smtp.example:25 after 8 attempts",
                HandOverFailure.retriesSpent(ChannelType.EMAIL, 8, "connection refused by smtp.example:25"));
        assertEquals("WEBHOOK: the receiver answered HTTP 503 after 1 attempt",
                HandOverFailure.retriesSpent(ChannelType.WEBHOOK, 1, "the receiver answered HTTP 503"));
    }
}
