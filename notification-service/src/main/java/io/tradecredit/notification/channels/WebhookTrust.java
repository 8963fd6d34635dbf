package io.tradecredit.notification.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whom an HTTPS receiver may be: a certificate the JDK's certificate authorities vouch for, or one
 * in the optional PKCS12 trust store {@code tradecredit.notification.webhook.trust-store}
 * ({@code NOTIFICATION_WEBHOOK_TRUST_STORE}, password {@code ...trust-store-password}): a
 * tenant's or a provider's private CA, a test's self-signed receiver. Hostnames are checked by the
 * HTTP client as always.
 */
@ApplicationScoped
public class WebhookTrust {
    @ConfigProperty(name = "tradecredit.notification.webhook.trust-store")
    Optional<String> trustStore;

    @ConfigProperty(name = "tradecredit.notification.webhook.trust-store-password")
    Optional<String> trustStorePassword;

    private volatile SSLContext context;

    /** The TLS context of every outgoing POST. */
    public SSLContext context() {
        if (context == null) {
            synchronized (this) {
                if (context == null) {
                    context = build();
                }
            }
        }
        return context;
    }

    private SSLContext build() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate ca : jdkAuthorities()) {
                trusted.setCertificateEntry("jdk-" + n++, ca);
            }
            if (trustStore.isPresent() && !trustStore.get().isBlank()) {
                KeyStore extra = KeyStore.getInstance("PKCS12");
                char[] password = trustStorePassword.map(String::toCharArray).orElse(null);
                try (InputStream in = Files.newInputStream(Path.of(trustStore.get()))) {
                    extra.load(in, password);
                }
                for (String alias : Collections.list(extra.aliases())) {
                    trusted.setCertificateEntry("store-" + alias, extra.getCertificate(alias));
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook trust store " + trustStore.orElse(""), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the webhook trust store " + trustStore.orElse(""), e);
        }
    }

    private static X509Certificate[] jdkAuthorities() throws GeneralSecurityException {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        for (TrustManager m : jdk.getTrustManagers()) {
            if (m instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
