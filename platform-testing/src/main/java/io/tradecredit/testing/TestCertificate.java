package io.tradecredit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed TLS certificate for a local HTTPS stand-in (a tenant's webhook receiver): made by
 * the JDK's keytool for {@code localhost} and {@code 127.0.0.1}, valid two days, with its key in a
 * PKCS12 key store for the server and the certificate alone in a PKCS12 trust store for the client
 * that is to trust it. {@link #trusted()} is the one a service under test is configured to trust;
 * {@link #create} makes another, which it does not.
 */
public final class TestCertificate {
    private static final String ALIAS = "stand-in";
    /** Where the JVM's trusted certificate is noted: one per JVM, whichever class loader (a Quarkus test's, a test resource's) asks. */
    private static final String TRUSTED = "tradecredit.testing.trusted-certificate";

    private final Path keyStore;
    private final Path trustStore;
    private final String password;

    private TestCertificate(Path keyStore, Path trustStore, String password) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.password = password;
    }

    /** The certificate the tests' services trust (their trust store is {@link #trustStore()}), made once per JVM. */
    public static TestCertificate trusted() {
        synchronized (System.getProperties()) {
            String noted = System.getProperty(TRUSTED);
            if (noted == null) {
                TestCertificate made = create("trusted");
                noted = made.keyStore + "\n" + made.trustStore + "\n" + made.password;
                System.setProperty(TRUSTED, noted);
            }
            String[] parts = noted.split("\n");
            return new TestCertificate(Path.of(parts[0]), Path.of(parts[1]), parts[2]);
        }
    }

    /** A new self-signed certificate in {@code target/test-certificates/<name>-*.p12} (below the working directory). */
    public static TestCertificate create(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-certificates").toAbsolutePath());
            String password = UUID.randomUUID().toString();
            Path keyStore = dir.resolve(name + "-" + UUID.randomUUID() + "-key.p12");
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
            KeyStore keys = load(keyStore, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
            Path trustStore = dir.resolve(keyStore.getFileName().toString().replace("-key.p12", "-trust.p12"));
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, password.toCharArray());
            }
            return new TestCertificate(keyStore, trustStore, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PKCS12 file holding only the certificate, for a client to trust. */
    public Path trustStore() {
        return trustStore;
    }

    /** The password of both stores. */
    public String password() {
        return password;
    }

    /** A server's TLS context presenting this certificate. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, password), password.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted making a test certificate", e);
        }
    }
}
