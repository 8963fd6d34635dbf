package io.tradecredit.claims.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * The terms of a tenant's credit-insurance policy (docs/domain.md §4). The deadlines are days
 * counted from a named day, so every insured overdue invoice has its own dates:
 * <ul>
 * <li>{@code maximumExtensionDays}: the maximum extension period (MEP), how long past the invoice's
 * original due date the tenant may wait (and extend it, e.g. by a payment plan) before telling the insurer;</li>
 * <li>{@code notificationDays}: days after the end of the MEP by which the overdue account must be notified
 * (0: on the MEP's last day);</li>
 * <li>{@code claimFilingDays}: days after the end of the MEP by which the claim must be filed;</li>
 * <li>{@code waitingPeriodDays}: days after the overdue notification before a protracted default
 * may be claimed;</li>
 * <li>{@code transferDays}: days after the end of the MEP to hand the case to the insurer's named
 * collector {@code collectorName}, the partner agency {@code collectorAgencyCode} when the tenant's collections
 * hand cases to it (null when not known: then only a claim meets that deadline);</li>
 * <li>{@code warningLeadDays}: how many days before each deadline the tenant is warned (default 5).</li>
 * </ul>
 * {@link InvoiceDeadlines} turns them into an invoice's dates.
 * A policy that cannot work is refused naming every field at fault; the record holds only valid terms.
 */
public record PolicyTerms(String insurer, String policyNumber, String currency, BigDecimal insuredPercent,
        Deductible deductible, int maximumExtensionDays, int notificationDays, int claimFilingDays,
        int waitingPeriodDays, String collectorName, String collectorAgencyCode, int transferDays, int warningLeadDays) {

    public static final int DEFAULT_WARNING_LEAD_DAYS = 5;
    /** The insured percentage of a policy that states none (DOMAIN §4: indemnity up to 90 %). */
    public static final BigDecimal DEFAULT_INSURED_PERCENT = BigDecimal.valueOf(90);
    /**
     * The most of an insured loss a policy may indemnify (DOMAIN §4: "indemnity up to 90 %"): credit insurance covers a
     * share, the insured always bears a retention of at least 10 %. A policy of 95 % or 100 % was accepted, its claims
     * paying the whole loss; such stored versions are read as 90 ({@link #stored}).
     */
    public static final BigDecimal MAX_INSURED_PERCENT = BigDecimal.valueOf(90);
    static final int MAX_DAYS = 3650;

    /** An agency code as collections-service names its partner agencies (docs/agencies.md). */
    static final String AGENCY_CODE = "[a-z0-9][a-z0-9-]{0,39}";

    /** The terms without the named collector's agency code ({@link #of} with it null). */
    public static PolicyTerms of(String insurer, String policyNumber, String currency, BigDecimal insuredPercent,
            Deductible.Kind deductibleKind, Money deductibleAmount, Integer maximumExtensionDays,
            Integer notificationDays, Integer claimFilingDays, Integer waitingPeriodDays, String collectorName,
            Integer transferDays, Integer warningLeadDays) {
        return of(insurer, policyNumber, currency, insuredPercent, deductibleKind, deductibleAmount, maximumExtensionDays,
                notificationDays, claimFilingDays, waitingPeriodDays, collectorName, null, transferDays, warningLeadDays);
    }

    /**
     * The terms as a request gives them (anything may be missing): valid terms, or a refusal
     * naming every wrong field. The insured percentage is above 0 and at most {@link #MAX_INSURED_PERCENT} (DOMAIN §4:
     * indemnity up to 90 %); a missing one is 90, what policies commonly grant; a missing warning lead time is {@value #DEFAULT_WARNING_LEAD_DAYS} days;
     * the collector's agency code is optional.
     */
    public static PolicyTerms of(String insurer, String policyNumber, String currency, BigDecimal insuredPercent,
            Deductible.Kind deductibleKind, Money deductibleAmount, Integer maximumExtensionDays,
            Integer notificationDays, Integer claimFilingDays, Integer waitingPeriodDays, String collectorName,
            String collectorAgencyCode, Integer transferDays, Integer warningLeadDays) {
        List<Violation> wrong = new ArrayList<>();
        text(wrong, "insurer", insurer, 200);
        text(wrong, "policyNumber", policyNumber, 100);
        String code = currency(wrong, currency);
        if (insuredPercent == null) {
            insuredPercent = DEFAULT_INSURED_PERCENT;
        }
        if (insuredPercent.signum() <= 0 || insuredPercent.compareTo(MAX_INSURED_PERCENT) > 0) {
            wrong.add(new Violation("insuredPercent", "must be above 0 and at most " + MAX_INSURED_PERCENT
                    + ": credit insurance indemnifies up to 90 %, the insured keeps the rest"));
        } else if (insuredPercent.stripTrailingZeros().scale() > 4) {
            wrong.add(new Violation("insuredPercent", "at most 4 decimals"));
        }
        wrong.addAll(Deductible.violations("deductible.", deductibleKind, deductibleAmount, code));
        days(wrong, "maximumExtensionDays", maximumExtensionDays, 1);
        days(wrong, "notificationDays", notificationDays, 0);
        days(wrong, "claimFilingDays", claimFilingDays, 1);
        days(wrong, "waitingPeriodDays", waitingPeriodDays, 0);
        wrong.addAll(claimableInTime(notificationDays, claimFilingDays, waitingPeriodDays));
        text(wrong, "collectorName", collectorName, 200);
        if (collectorAgencyCode != null && !collectorAgencyCode.matches(AGENCY_CODE)) {
            wrong.add(new Violation("collectorAgencyCode", "a partner agency's code: lower-case letters, digits and dashes,"
                    + " at most 40"));
        }
        days(wrong, "transferDays", transferDays, 0);
        int lead = warningLeadDays == null ? DEFAULT_WARNING_LEAD_DAYS : warningLeadDays;
        if (lead < 0 || lead > 365) {
            wrong.add(new Violation("warningLeadDays", "must be 0 to 365 days"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("policy.invalid", "The policy is incomplete or inconsistent", wrong);
        }
        Deductible deductible = deductibleKind == Deductible.Kind.NONE ? Deductible.none(code)
                : new Deductible(deductibleKind, deductibleAmount);
        return new PolicyTerms(insurer.strip(), policyNumber.strip(), code, plain(insuredPercent),
                deductible, maximumExtensionDays, notificationDays, claimFilingDays, waitingPeriodDays,
                collectorName.strip(), collectorAgencyCode, transferDays, lead);
    }

    /**
     * A protracted default can be claimed in time (DOMAIN §4: the claim after the waiting period, by the claim filing
     * deadline): a tenant who notifies on the last day allowed, the end of the MEP + {@code notificationDays}, may submit
     * the claim {@code waitingPeriodDays} later, and both that day and the last day to claim count from the end of the
     * MEP, so {@code claimFilingDays} is at least {@code notificationDays + waitingPeriodDays} (MEP 60, notify within 30,
     * wait 90: claim filing 120 works, on the day; 100 would end twenty days before the first day a claim can be filed).
     * Judged only when the three are themselves valid; each is named.
     */
    static List<Violation> claimableInTime(Integer notificationDays, Integer claimFilingDays, Integer waitingPeriodDays) {
        if (!valid(notificationDays, 0) || !valid(claimFilingDays, 1) || !valid(waitingPeriodDays, 0)
                || claimFilingDays >= notificationDays + waitingPeriodDays) {
            return List.of();
        }
        String why = "claimFilingDays (" + claimFilingDays + ") must be at least notificationDays + waitingPeriodDays ("
                + notificationDays + " + " + waitingPeriodDays + " = " + (notificationDays + waitingPeriodDays)
                + "): notified on the last day allowed, a protracted default could be filed only after the last day to claim";
        return List.of(new Violation("notificationDays", why), new Violation("claimFilingDays", why),
                new Violation("waitingPeriodDays", why));
    }

    /**
     * These terms as the next version of a policy whose terms were {@code before}: a policy keeps its currency (DOMAIN
     * §4: a policy has one currency; its insured limits, claims, payments and recoveries are amounts in it), so a
     * revision to another is refused, 400 {@code policy.invalid} naming {@code currency}, nothing recorded. A CNY policy
     * revised to USD was recorded as version 2, its 80,000 CNY limits and open claims left in a currency the policy no
     * longer had. Cover in another currency is another policy.
     */
    public PolicyTerms revising(PolicyTerms before) {
        List<Violation> wrong = revisionViolations(before);
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("policy.invalid", "A revision keeps the policy's currency", wrong);
        }
        return this;
    }

    /** What is wrong with these terms as a revision of {@code before} ({@link #revising}): nothing, or the currency. */
    List<Violation> revisionViolations(PolicyTerms before) {
        if (!currency.equals(before.currency())) {
            return List.of(new Violation("currency", "the policy is in " + before.currency() + ": its limits and claims"
                    + " are amounts in it; cover in " + currency + " is another policy"));
        }
        return List.of();
    }

    /**
     * The insured percentage of terms as stored: at most {@link #MAX_INSURED_PERCENT}. Versions stored before the rule
     * may hold 95 or 100; they are read as 90, so a claim under them is indemnified at 90 % (DOMAIN §4: the insured
     * keeps a retention) and the policy reads as a revision would have to state it (a GET then PUT of the terms works).
     * The stored row is kept as entered.
     */
    public static BigDecimal stored(BigDecimal percent) {
        return plain(percent.min(MAX_INSURED_PERCENT));
    }

    /** A percentage without trailing zeros, never in exponent form (90, not 9E+1). */
    public static BigDecimal plain(BigDecimal percent) {
        return new BigDecimal(percent.stripTrailingZeros().toPlainString());
    }

    private static void text(List<Violation> wrong, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            wrong.add(new Violation(field, "is required"));
        } else if (value.strip().length() > max) {
            wrong.add(new Violation(field, "at most " + max + " characters"));
        }
    }

    private static String currency(List<Violation> wrong, String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            wrong.add(new Violation("currency", "is required: an ISO 4217 code such as CNY"));
            return null;
        }
        try {
            return Money.currencyOf(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            wrong.add(new Violation("currency", "not an ISO 4217 currency code: " + code));
            return null;
        }
    }

    private static boolean valid(Integer days, int min) {
        return days != null && days >= min && days <= MAX_DAYS;
    }

    private static void days(List<Violation> wrong, String field, Integer value, int min) {
        if (!valid(value, min)) {
            wrong.add(new Violation(field, "is required: " + min + " to " + MAX_DAYS + " days"));
        }
    }
}
