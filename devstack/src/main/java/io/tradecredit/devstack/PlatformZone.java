package io.tradecredit.devstack;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's business time zone as the tools and test drivers outside the services read it: the services' own
 * setting ({@code TRADECREDIT_BUSINESS_TIME_ZONE}, Asia/Shanghai unless set), so a demo, an agency's report or a
 * scenario asks for the same "today" the services keep.
 */
public final class PlatformZone {
    /** The environment variable the services read their {@code tradecredit.business-time-zone} from. */
    public static final String VARIABLE = "TRADECREDIT_BUSINESS_TIME_ZONE";
    static final String DEFAULT = "Asia/Shanghai";

    private PlatformZone() {
    }

    /**
     * The system property that names the zone inside this JVM, before the environment variable: a harness that
     * starts the services with a zone of its own choosing (the e2e scenarios' noon zone) sets both.
     */
    public static final String PROPERTY = "tradecredit.business-time-zone";

    public static ZoneId zone() {
        String set = System.getProperty(PROPERTY);
        if (set == null || set.isBlank()) {
            set = System.getenv(VARIABLE);
        }
        return ZoneId.of(set == null || set.isBlank() ? DEFAULT : set.strip());
    }

    /** The platform's today. */
    public static LocalDate today() {
        return LocalDate.now(zone());
    }
}
