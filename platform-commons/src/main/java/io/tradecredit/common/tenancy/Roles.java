package io.tradecredit.common.tenancy;

import java.util.List;

/** The realm roles a token may carry (docs/architecture.md, "Security and tenancy"). */
public final class Roles {
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String CREDIT_MANAGER = "credit-manager";
    public static final String COLLECTOR = "collector";
    public static final String FINANCE = "finance";
    public static final String VIEWER = "viewer";
    public static final String AGENCY = "agency";
    public static final String PLATFORM_OPS = "platform-ops";

    /** The roles that may read a tenant's data: every role of its staff. */
    public static final List<String> READER_ROLES = List.of(TENANT_ADMIN, FINANCE, CREDIT_MANAGER, COLLECTOR, VIEWER);

    /** The setting {@link #READERS} reads, {@link #READER_ROLES} unless set. */
    public static final String READERS_SETTING = "tradecredit.roles.readers";

    /**
     * {@link #READER_ROLES} for {@code @RolesAllowed(Roles.READERS)}. An annotation takes no array
     * constant, so this is a configuration expression whose default is the list; Quarkus expands it
     * (a comma-separated value is a list of roles), and {@link ReaderRolesInApiDescription} lists the
     * roles in the API description as well.
     */
    public static final String READERS = "${" + READERS_SETTING + ":" + TENANT_ADMIN + "," + FINANCE + ","
            + CREDIT_MANAGER + "," + COLLECTOR + "," + VIEWER + "}";

    private Roles() {
    }
}
