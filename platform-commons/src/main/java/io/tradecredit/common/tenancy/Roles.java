package io.tradecredit.common.tenancy;

/** The realm roles a token may carry (docs/architecture.md, "Security and tenancy"). */
public final class Roles {
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String CREDIT_MANAGER = "credit-manager";
    public static final String COLLECTOR = "collector";
    public static final String FINANCE = "finance";
    public static final String VIEWER = "viewer";
    public static final String AGENCY = "agency";
    public static final String PLATFORM_OPS = "platform-ops";

    private Roles() {
    }
}
