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

    public static ZoneId zone() {
        String set = System.getenv(VARIABLE);
        return ZoneId.of(set == null || set.isBlank() ? DEFAULT : set.strip());
    }

    /** The platform's today. */
    public static LocalDate today() {
        return LocalDate.now(zone());
    }
}
