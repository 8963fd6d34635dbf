package io.tradecredit.notification.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A tenant's webhook endpoint: the HTTPS address its systems receive messages at and the secret
 * the bodies are signed with (the chassis {@code TimestampedSignature}). The secret is write-only: it is stored to
 * sign, and shown only {@link #maskedSecret() masked}.
 */
public record WebhookEndpoint(String url, String secret) {
    /** Short secrets can be guessed; 24 characters is the length of a random 18-byte token in base64. */
    public static final int MIN_SECRET_LENGTH = 24;

    /**
     * The endpoint, or every wrong field named: {@code url} absolute with a host, HTTPS (plain HTTP
     * only when {@code allowPlainHttp}, for local stand-ins); {@code secret} at least
     * {@value #MIN_SECRET_LENGTH} characters.
     */
    public static WebhookEndpoint of(String url, String secret, boolean allowPlainHttp) {
        List<Violation> wrong = new ArrayList<>();
        String urlProblem = urlProblem(url, allowPlainHttp);
        if (urlProblem != null) {
            wrong.add(new Violation("url", urlProblem));
        }
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            wrong.add(new Violation("secret", "must be at least " + MIN_SECRET_LENGTH + " characters"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("invalid-webhook-endpoint", "The webhook endpoint is incomplete or wrong", wrong);
        }
        return new WebhookEndpoint(url.strip(), secret.strip());
    }

    /** The secret as shown: its last four characters after asterisks. */
    public String maskedSecret() {
        return "****" + secret.substring(secret.length() - 4);
    }

    private static String urlProblem(String url, boolean allowPlainHttp) {
        String expected = allowPlainHttp ? "must be an absolute http or https URL" : "must be an absolute https URL";
        if (url == null || url.isBlank()) {
            return expected;
        }
        try {
            URI uri = new URI(url.strip());
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean http = "http".equalsIgnoreCase(uri.getScheme());
            return uri.getHost() != null && (https || http && allowPlainHttp) ? null : expected;
        } catch (URISyntaxException e) {
            return expected;
        }
    }
}
