package io.tradecredit.claims.messaging;

/** The insured-buyer fixture of {@link InsolvencyClaimFlowTest} for tests in other packages. */
public final class InsolvencyClaimFlowTestAccess {
    private InsolvencyClaimFlowTestAccess() {
    }

    public record Insured(String tenant, String policyId, String buyer) {
    }

    /** A policy with an 80,000 limit from 1 March on a new buyer and three invoices in the read model. */
    public static Insured insured(boolean withLimit) {
        InsolvencyClaimFlowTest.Insured s = InsolvencyClaimFlowTest.insured(withLimit);
        return new Insured(s.tenant(), s.policyId(), s.buyer());
    }
}
