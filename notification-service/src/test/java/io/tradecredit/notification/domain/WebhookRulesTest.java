package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.signatures.TimestampedSignature;

class WebhookRulesTest {
    static final String SECRET = "whsec_test_0123456789abcdef";
    static final String BODY = "{\"id\":\"5f0c1c2e-3b1a-4c2d-9e8f-0a1b2c3d4e5f\",\"purpose\":\"dunning\"}";
    static final Instant AT = Instant.parse("2025-12-03T12:00:00Z");

    @Test
    void theWorkedExampleSignsTimestampDotBody() {
        // computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_test_0123456789abcdef',
        //   b'1764763200.' + BODY, hashlib.sha256).hexdigest())"
        assertEquals("t=1764763200,v1=a76cfd0a704594316d8339e7614de6fbacaf3aa077d74dc6c6062a8e73ae96ef",
                TimestampedSignature.header(SECRET, AT, BODY));
    }

    @Test
    void aReceiverComputingTheMacItselfGetsTheSameSignature() throws Exception {
        String body = "{\"text\":\"付款提醒\"}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("another-secret-of-24-chars!".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(("1700000000." + body).getBytes(StandardCharsets.UTF_8)));

        assertEquals("t=1700000000,v1=" + expected,
                TimestampedSignature.header("another-secret-of-24-chars!", Instant.ofEpochSecond(1700000000, 999_000_000), body));
    }

    @Test
    void twoXxIsAcceptedAFourXxOtherThanTimeoutAndTooManyIsRefusedTheRestIsTriedAgain() {
        assertEquals(HttpAnswer.ACCEPTED, HttpAnswer.of(200));
        assertEquals(HttpAnswer.ACCEPTED, HttpAnswer.of(204));
        assertEquals(HttpAnswer.ACCEPTED, HttpAnswer.of(299));
        assertEquals(HttpAnswer.TRY_AGAIN, HttpAnswer.of(199));
        assertEquals(HttpAnswer.TRY_AGAIN, HttpAnswer.of(300));
        assertEquals(HttpAnswer.TRY_AGAIN, HttpAnswer.of(399));
        assertEquals(HttpAnswer.REFUSED, HttpAnswer.of(400));
        assertEquals(HttpAnswer.REFUSED, HttpAnswer.of(404));
        assertEquals(HttpAnswer.REFUSED, HttpAnswer.of(407));
        assertEquals(HttpAnswer.TRY_AGAIN, HttpAnswer.of(408));
        assertEquals(HttpAnswer.REFUSED, HttpAnswer.of(409));
        assertEquals(HttpAnswer.REFUSED, HttpAnswer.of(428));
        assertEquals(HttpAnswer.TRY_AGAIN, HttpAnswer.of(429));
        assertEquals(HttpAnswer.REFUSED, HttpAnswer.of(499));
        assertEquals(HttpAnswer.TRY_AGAIN, HttpAnswer.of(500));
        assertEquals(HttpAnswer.TRY_AGAIN, HttpAnswer.of(503));
    }

    @Test
    void anEndpointIsHttpsWithASecretOfTwentyFourCharacters() {
        WebhookEndpoint e = WebhookEndpoint.of(" https://erp.acme.example/hooks ", " " + "s".repeat(20) + "wxyz ", false);
        assertEquals("https://erp.acme.example/hooks", e.url());
        assertEquals("s".repeat(20) + "wxyz", e.secret());
        assertEquals("****wxyz", e.maskedSecret());
        assertEquals("HTTP://erp.acme.example/hooks",
                WebhookEndpoint.of("HTTP://erp.acme.example/hooks", "x".repeat(24), true).url());
        assertEquals("HTTPS://erp.acme.example", WebhookEndpoint.of("HTTPS://erp.acme.example", "x".repeat(24), false).url());
    }

    @Test
    void plainHttpOnlyWhenAllowedAndEveryWrongFieldIsNamed() {
        assertEquals(List.of(new Violation("url", "must be an absolute https URL"),
                new Violation("secret", "must be at least 24 characters")),
                refused("http://erp.acme.example/hooks", "x".repeat(23), false));
        assertEquals(List.of(new Violation("url", "must be an absolute http or https URL"),
                new Violation("secret", "must be at least 24 characters")),
                refused("ftp://erp.acme.example/hooks", " " + "x".repeat(22) + " ", true));
        assertEquals("url", refused("/hooks", "x".repeat(24), true).get(0).field());
        assertEquals(List.of(new Violation("url", "must be an absolute http or https URL")),
                refused("https://exa mple", "x".repeat(24), true));
        assertEquals("url", refused(" ", "x".repeat(24), true).get(0).field());
        assertEquals(List.of(new Violation("url", "must be an absolute https URL"),
                new Violation("secret", "must be at least 24 characters")), refused(null, null, false));
    }

    private static List<Violation> refused(String url, String secret, boolean allowPlainHttp) {
        DomainError e = assertThrows(DomainError.class, () -> WebhookEndpoint.of(url, secret, allowPlainHttp));
        assertEquals("invalid-webhook-endpoint", e.code());
        return e.violations();
    }
}
