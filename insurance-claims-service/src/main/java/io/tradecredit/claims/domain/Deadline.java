package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One deadline of an insured overdue invoice and how the daily deadlines job judges it on a day
 * (docs/insurance-claims-service.md, "Deadlines"). A deadline is met by its act done on or before its
 * date: the overdue notification naming the invoice meets NOTIFY_OVERDUE; the stop-deliveries period it
 * starts meets STOP_DELIVERIES; a claim naming the invoice submitted to the insurer meets FILE_CLAIM and
 * also TRANSFER_TO_COLLECTOR (with the claim the insurer takes the debt over), which the hand-over of the buyer's case
 * to the policy's named collector meets too ({@link CollectorHandOver}). An invoice with nothing
 * open any more ends its open deadlines as met (PAID). Not met by the end of its date, it is missed.
 * Within the warning lead time before its date it is warned, once.
 */
public record Deadline(DeadlineKind kind, LocalDate date, DeadlineState state) {

    /** What meets a deadline. */
    public enum MetBy {
        OVERDUE_NOTIFIED, STOP_DELIVERIES_STARTED, CLAIM_FILED, HANDED_TO_COLLECTOR, PAID
    }

    /** The judgement of one day: nothing to do, a warning, met or missed. */
    public sealed interface Judgement permits Unchanged, Warn, Met, Missed {
    }

    public record Unchanged() implements Judgement {
    }

    /** Warn the tenant: {@code daysLeft} days to the deadline (0 on the day itself). */
    public record Warn(int daysLeft) implements Judgement {
    }

    public record Met(MetBy by, LocalDate on) implements Judgement {
    }

    public record Missed() implements Judgement {
    }

    static final Unchanged UNCHANGED = new Unchanged();

    /**
     * The deadline judged on {@code asOf} from {@code facts}, with the policy's warning lead time. A MET or
     * MISSED deadline stays so: a late notification does not mend a miss, a miss is never undone.
     */
    public Judgement judge(int warningLeadDays, DeadlineFacts facts, LocalDate asOf) {
        if (!state.isOpen()) {
            return UNCHANGED;
        }
        LocalDate act = switch (kind) {
            case NOTIFY_OVERDUE -> facts.overdueNotifiedOn();
            case STOP_DELIVERIES -> facts.stopDeliveriesFrom();
            case TRANSFER_TO_COLLECTOR, FILE_CLAIM -> facts.claimFiledOn();
        };
        LocalDate handedOver = kind == DeadlineKind.TRANSFER_TO_COLLECTOR ? facts.handedToCollectorOn() : null;
        if (inTime(handedOver, asOf) && (!inTime(act, asOf) || !handedOver.isAfter(act))) {
            return new Met(MetBy.HANDED_TO_COLLECTOR, handedOver);
        }
        if (inTime(act, asOf)) {
            return new Met(metBy(kind), act);
        }
        if (facts.paid()) {
            return new Met(MetBy.PAID, asOf);
        }
        if (asOf.isAfter(date)) {
            return new Missed();
        }
        if (state == DeadlineState.UPCOMING && !asOf.isBefore(date.minusDays(warningLeadDays))) {
            return new Warn((int) ChronoUnit.DAYS.between(asOf, date));
        }
        return UNCHANGED;
    }

    /**
     * Whether this deadline, found missed, was missed before the deadlines job began to track its policy on
     * {@code trackedSince} (null: tracked from the start): its miss would first have been seen on the day after its
     * date, and a run before tracking began would have reported it. A deadline of the day before tracking began is
     * missed as any other (the first run sees it on time); older ones are told in one summary, not one by one
     * (docs/insurance-claims-service.md, "The first run").
     */
    public boolean missedBeforeTracking(LocalDate trackedSince) {
        return trackedSince != null && date.plusDays(1).isBefore(trackedSince);
    }

    /** An act done on or before the deadline's day and the day judged. */
    private boolean inTime(LocalDate act, LocalDate asOf) {
        return act != null && !act.isAfter(date) && !act.isAfter(asOf);
    }

    private static MetBy metBy(DeadlineKind kind) {
        return switch (kind) {
            case NOTIFY_OVERDUE -> MetBy.OVERDUE_NOTIFIED;
            case STOP_DELIVERIES -> MetBy.STOP_DELIVERIES_STARTED;
            case TRANSFER_TO_COLLECTOR, FILE_CLAIM -> MetBy.CLAIM_FILED;
        };
    }
}
