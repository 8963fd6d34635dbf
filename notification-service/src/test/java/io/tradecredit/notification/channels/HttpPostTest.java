package io.tradecredit.notification.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.testing.HttpStandIn;
import io.tradecredit.testing.TestCertificate;

/**
 * HTTPS to outside receivers: one whose certificate is in the configured trust store is reached;
 * one whose self-signed certificate is trusted by nobody is refused for good, nothing sent.
 */
@QuarkusTest
class HttpPostTest {
    static final HttpStandIn TRUSTED = HttpStandIn.https(TestCertificate.trusted());
    static final HttpStandIn UNTRUSTED = HttpStandIn.https(TestCertificate.create("untrusted"));

    @Inject
    HttpPost http;

    @AfterAll
    static void stop() {
        TRUSTED.close();
        UNTRUSTED.close();
    }

    void post(String url) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> http.send(URI.create(url), Map.of("Content-Type", "application/json"),
                "{\"ping\":1}", Duration.ofSeconds(10)));
    }

    @Test
    void aReceiverWithACertificateOfTheTrustStoreGetsThePost() throws Throwable {
        post(TRUSTED.url("/hooks"));
        List<HttpStandIn.Received> got = TRUSTED.at("/hooks");
        assertEquals(1, got.size());
        assertEquals("{\"ping\":1}", got.get(0).body());
    }

    @Test
    void aReceiverWithACertificateNobodyVouchesForIsRefusedForGoodSayingWhy() {
        Throwable refused = assertThrows(Throwable.class, () -> post(UNTRUSTED.url("/hooks")));
        assertInstanceOf(TlsRefused.class, refused);
        assertTrue(refused.getMessage().startsWith("the receiver's TLS certificate is not trusted: "), refused.getMessage());
        assertEquals(List.of(), UNTRUSTED.at("/hooks"));
    }
}
