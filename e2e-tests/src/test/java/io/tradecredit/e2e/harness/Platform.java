package io.tradecredit.e2e.harness;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(Platform.class)}: the scenario runs against the one {@link Harness} of the
 * module, started by the first class that needs it and closed once all classes are done (the root
 * context's store closes it).
 */
public final class Platform implements BeforeAllCallback {
    /** A file HarnessMain wrote: run against the platform it keeps up instead of starting one. */
    public static final String ATTACH = "tradecredit.e2e.attach";
    private static volatile Harness harness;

    @Override
    public void beforeAll(ExtensionContext context) {
        harness = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Harness.class, k -> System.getProperty(ATTACH) == null ? Harness.start()
                        : Harness.attach(java.nio.file.Path.of(System.getProperty(ATTACH))), Harness.class);
    }

    public static Harness harness() {
        return harness;
    }
}
