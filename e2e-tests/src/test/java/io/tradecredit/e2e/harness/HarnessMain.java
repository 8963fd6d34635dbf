package io.tradecredit.e2e.harness;

import io.tradecredit.testing.Tokens;

/**
 * The harness on its own, for looking around by hand (docs/testing.md): prints each service's URL
 * and a tenant admin's and the operator's token, and stops everything when stdin closes (Ctrl-D).
 * {@code ./mvnw -q -pl e2e-tests test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.tradecredit.e2e.harness.HarnessMain}
 */
public final class HarnessMain {
    private HarnessMain() {
    }

    public static void main(String[] args) throws Exception {
        Harness h = Harness.start();
        for (String s : new String[] {"invoice-service", "credit-service", "collections-service",
                "insurance-claims-service", "notification-service"}) {
            System.out.println(s + " " + h.url(s));
        }
        java.nio.file.Path endpoints = java.nio.file.Path.of("e2e-tests/target/harness.properties").toAbsolutePath();
        h.writeEndpoints(endpoints);
        System.out.println("endpoints " + endpoints + " (-D" + Platform.ATTACH + "=<it> runs scenarios against this)");
        System.out.println("kafka " + h.kafkaBootstrap());
        System.out.println("token tenant-admin of 'manual' " + Tokens.tenant("manual").roles("tenant-admin")
                .expiresIn(6 * 3600).mint());
        System.out.println("token operator " + Tokens.noTenant().roles("platform-ops").expiresIn(6 * 3600).mint());
        while (System.in.read() >= 0) {
            // until stdin closes
        }
        h.close();
        System.exit(0);
    }
}
