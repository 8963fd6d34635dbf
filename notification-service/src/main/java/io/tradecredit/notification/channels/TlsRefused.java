package io.tradecredit.notification.channels;

import io.tradecredit.notification.app.Channel;

/**
 * The receiver's TLS certificate is not one we trust ({@link WebhookTrust}) or not for its host:
 * sending again cannot help until someone fixes the certificate or the trust store, so the message
 * fails for good (then falls back) with the reason on it.
 */
public class TlsRefused extends Channel.Refused {
    public TlsRefused(String reason) {
        super(reason);
    }
}
