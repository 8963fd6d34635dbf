package io.tradecredit.e2e.harness;

import io.tradecredit.devstack.SmsSink;

/**
 * The {@code t=<unix seconds>,v1=<hex>} signature (HMAC-SHA256 of {@code <t>.<body>}) as an outside
 * party makes it: the insurer's system signing its limit-decision callback. The HMAC is the SMS sink's
 * (devstack: the harness's other outside party that signs), not the chassis', so that a scenario proves
 * the services against the documented scheme rather than against themselves.
 */
public final class Signatures {
    private Signatures() {
    }

    /** The header value for {@code body} signed now under {@code secret}. */
    public static String sign(String secret, String body) {
        long t = System.currentTimeMillis() / 1000;
        return "t=" + t + ",v1=" + SmsSink.hmac(secret, t + "." + body);
    }
}
