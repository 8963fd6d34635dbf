package io.tradecredit.claims.events;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.tradecredit.claims.domain.DeadlineKind;
import io.tradecredit.claims.domain.MissedBeforeTracking;
import io.tradecredit.claims.domain.PolicyTerms;
import io.tradecredit.common.events.MessageRequests;
import io.tradecredit.common.events.OutgoingEvent;

/**
 * What the deadlines job tells (docs/insurance-claims-service.md, "Deadlines"): to the tenant, a request to
 * notification-service ({@code io.tradecredit.notification.message-requested.v1} on {@code notification-requests},
 * template {@code claims.deadline-warning} or, critical, {@code claims.deadline-missed}); to the platform,
 * {@code deadline-warning} and {@code deadline-missed} on {@code claim-events}, keyed by buyer id. Every id is
 * derived from the deadline and its date, so a repeat asks and tells with the same ids and is dropped downstream.
 */
public final class DeadlineEvents {
    public static final String REQUEST_TYPE = MessageRequests.TYPE;
    public static final String PURPOSE = "claim-deadline";
    public static final String WARNING_TEMPLATE = "claims.deadline-warning";
    public static final String MISSED_TEMPLATE = "claims.deadline-missed";
    public static final String BEFORE_TRACKING_TEMPLATE = "claims.deadlines-missed-before-tracking";

    private DeadlineEvents() {
    }

    /** One deadline of one insured overdue invoice, as the messages name it. */
    public record Subject(UUID deadlineId, UUID policyId, PolicyTerms terms, UUID buyerId, String buyerName,
            UUID invoiceId, String invoiceNumber, LocalDate dueDate, LocalDate extendedTo, DeadlineKind deadline,
            LocalDate deadlineDate) {
    }

    public record DeadlineWarning(UUID deadlineId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, UUID invoiceId, String invoiceNumber, LocalDate dueDate, LocalDate extendedTo,
            DeadlineKind deadline, LocalDate deadlineDate, int daysLeft, LocalDate warnedOn, UUID requestId) {
    }

    public record DeadlineMissed(UUID deadlineId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, UUID invoiceId, String invoiceNumber, LocalDate dueDate, LocalDate extendedTo,
            DeadlineKind deadline, LocalDate deadlineDate, LocalDate missedOn, UUID requestId) {
    }

    /** The warning {@code daysLeft} days before: the tenant's notification request and {@code deadline-warning}. */
    public static List<OutgoingEvent> warning(String tenantId, Subject s, int daysLeft, LocalDate on) {
        UUID requestId = id("warning-request", s);
        Map<String, Object> data = data(s);
        data.put("daysLeft", daysLeft);
        return List.of(request(tenantId, requestId, WARNING_TEMPLATE, false, data),
                ClaimEvents.event("deadline-warning", "insured-deadline", tenantId, s.buyerId(), new DeadlineWarning(
                        s.deadlineId(), s.policyId(), s.terms().policyNumber(), s.terms().insurer(), s.buyerId(),
                        s.buyerName(), s.invoiceId(), s.invoiceNumber(), s.dueDate(), s.extendedTo(), s.deadline(),
                        s.deadlineDate(), daysLeft, on, requestId)).withId(id("warning-event", s)));
    }

    /** The deadline passed unmet: the tenant's critical notification request and {@code deadline-missed}. */
    public static List<OutgoingEvent> missed(String tenantId, Subject s, LocalDate on) {
        UUID requestId = id("missed-request", s);
        return List.of(request(tenantId, requestId, MISSED_TEMPLATE, true, data(s)),
                ClaimEvents.event("deadline-missed", "insured-deadline", tenantId, s.buyerId(), new DeadlineMissed(
                        s.deadlineId(), s.policyId(), s.terms().policyNumber(), s.terms().insurer(), s.buyerId(),
                        s.buyerName(), s.invoiceId(), s.invoiceNumber(), s.dueDate(), s.extendedTo(), s.deadline(),
                        s.deadlineDate(), on, requestId)).withId(id("missed-event", s)));
    }

    /**
     * The tenant's deadlines found missed before the deadlines job began to track their policies, told once in one
     * critical request instead of one per deadline (docs/insurance-claims-service.md, "The first run"): {@code missed}
     * (how many), {@code asOf}, and per policy its number, how many, how many of each kind and the oldest deadline.
     * The id is derived from the tenant and the date.
     */
    public static OutgoingEvent missedBeforeTracking(String tenantId, LocalDate asOf,
            List<MissedBeforeTracking> missed) {
        Map<String, Map<String, Object>> byPolicy = new TreeMap<>();
        for (MissedBeforeTracking m : missed) {
            Map<String, Object> p = byPolicy.computeIfAbsent(m.policyNumber(), n -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("policyNumber", n);
                fresh.put("missed", 0);
                fresh.put("byKind", new TreeMap<String, Integer>());
                fresh.put("oldestDeadline", m.deadline().toString());
                return fresh;
            });
            p.put("missed", (Integer) p.get("missed") + 1);
            @SuppressWarnings("unchecked")
            Map<String, Integer> kinds = (Map<String, Integer>) p.get("byKind");
            kinds.merge(m.kind().name(), 1, Integer::sum);
            if (m.deadline().toString().compareTo((String) p.get("oldestDeadline")) < 0) {
                p.put("oldestDeadline", m.deadline().toString());
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("missed", missed.size());
        data.put("asOf", asOf.toString());
        data.put("policies", List.copyOf(byPolicy.values()));
        UUID requestId = MessageRequests.idOf("before-tracking-request", tenantId, asOf);
        return request(tenantId, requestId, BEFORE_TRACKING_TEMPLATE, true, data);
    }

    /** What the templates render (docs/notification-service.md, "claims.deadline-warning"). */
    private static Map<String, Object> data(Subject s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("policyNumber", s.terms().policyNumber());
        data.put("insurer", s.terms().insurer());
        data.put("buyerName", s.buyerName());
        data.put("invoiceNumber", s.invoiceNumber());
        data.put("deadline", s.deadline().name());
        data.put("deadlineDate", s.deadlineDate().toString());
        return data;
    }

    private static OutgoingEvent request(String tenantId, UUID requestId, String template, boolean critical,
            Map<String, Object> data) {
        // the templates are e-mails to the tenant; the tenant's own contacts give the address and language
        return MessageRequests.event(tenantId, requestId,
                MessageRequests.toTenant(requestId, PURPOSE, template, "EMAIL", critical, data));
    }

    /** Derived from the deadline and its date: a deadline moved by a new plan is warned again, under new ids. */
    static UUID id(String what, Subject s) {
        return MessageRequests.idOf(what, s.deadlineId(), s.deadlineDate());
    }
}
