package io.tradecredit.credit.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something a credit manager must look at: a grade fall, a cut limit, a blocked buyer. */
@Entity
@Table(name = "alert")
public class Alert {
    public static final String GRADE_DROP = "GRADE_DROP";
    public static final String BUYER_BLOCKED = "BUYER_BLOCKED";
    /** collections-service judged a buyer's promise to pay broken: a payment-behaviour signal. */
    public static final String PROMISE_BROKEN = "PROMISE_BROKEN";
    /** A dispute's resolution asks to adjust the buyer's credit policy (dispute step 4, docs/domain.md §2). */
    public static final String CREDIT_POLICY_REVIEW = "CREDIT_POLICY_REVIEW";
    /**
     * The service withdrew its own proposed limit increase, waiting for a credit manager, because the grade fell below
     * the one it was proposed at (told only when the same re-grade raised no GRADE_DROP, whose message then says it).
     */
    public static final String PROPOSAL_WITHDRAWN = "PROPOSAL_WITHDRAWN";

    /** What a credit manager is to be told: the kind of alert and its message. */
    public record Notice(String kind, String message) {
    }

    /**
     * A proposed increase of the service's that a fall withdrew: the limit it proposed, the grade it was proposed at
     * and the grade the buyer fell to.
     */
    public record Withdrawal(Money increase, int proposedAt, int grade) {
        /** Why it was withdrawn, as its decision note says: "grade fell to 4 (proposed at grade 2) after …". */
        public String why(String cause) {
            return fellTo() + " after " + cause;
        }

        /** What the credit manager is told of it, without the cause. */
        String told() {
            return "the proposed limit increase to " + increase + " was withdrawn: " + fellTo();
        }

        /** What the credit manager is told of it after the fall past the threshold that withdrew it: not the fall again. */
        String toldAfterTheFall() {
            return "the proposed limit increase to " + increase + " (proposed at grade " + proposedAt + ") was withdrawn";
        }

        private String fellTo() {
            return "grade fell to " + grade + " (proposed at grade " + proposedAt + ")";
        }
    }

    /**
     * What a re-grade tells the credit manager, its parts kept apart so that each is told once: the fall past the
     * threshold with the cut's figures ({@code fall}, {@link LimitReview.Outcome#reason}, without its cause), the
     * proposal it withdrew ({@code withdrawal}), each null when there is none, and the re-grade's {@code cause}.
     */
    public record Regrade(String fall, Withdrawal withdrawal, String cause) {
        /**
         * Told on its own, once: a fall past the threshold as GRADE_DROP, naming the withdrawn proposal too when
         * there is one (the fall and its cause told once); a withdrawn proposal alone as PROPOSAL_WITHDRAWN; nothing
         * otherwise (null).
         */
        public Notice told() {
            if (fall != null) {
                return new Notice(GRADE_DROP, fall + " after " + cause
                        + (withdrawal == null ? "" : "; " + withdrawal.toldAfterTheFall()));
            }
            return withdrawal == null ? null : new Notice(PROPOSAL_WITHDRAWN, withdrawal.told() + " after " + cause);
        }

        /**
         * Told inside the alert of its cause, which says the cause already: the fall and the withdrawn proposal
         * without "after" the cause again; null when nothing.
         */
        String toldAfterItsCause() {
            if (fall == null) {
                return withdrawal == null ? null : withdrawal.told();
            }
            return withdrawal == null ? fall : fall + "; " + withdrawal.toldAfterTheFall();
        }
    }

    /**
     * The one alert of a block (an insolvency filing): why, the limit it took to 0 when there was one, and what the
     * re-grade that follows it did ({@code regrade}, null when nothing), so the credit manager gets one message with
     * the new grade, not the block with the grade before it and then the fall; the filing is told once, by the block's
     * reason (the fall's "after" its warning signal is left out).
     */
    public static Notice blocked(String reason, Money limitBefore, Regrade regrade) {
        StringBuilder m = new StringBuilder("new credit blocked: ").append(reason);
        if (limitBefore != null && limitBefore.isPositive()) {
            m.append("; limit cut from ").append(limitBefore).append(" to ")
                    .append(Money.zero(limitBefore.currency()));
        }
        String did = regrade == null ? null : regrade.toldAfterItsCause();
        if (did != null) {
            m.append("; ").append(did);
        }
        return new Notice(BUYER_BLOCKED, m.toString());
    }

    /**
     * The one alert of a cause that raises its own (a broken promise to pay, a dispute asking to adjust the credit
     * policy) and then grades the buyer again: its kind and message, followed by what the re-grade did
     * ({@code regrade}, null when nothing), so the credit manager gets one message, not the cause and then the fall;
     * the cause is told once, by its own message (the fall's "after" it is left out).
     */
    public static Notice withRegrade(Notice own, Regrade regrade) {
        String did = regrade == null ? null : regrade.toldAfterItsCause();
        return did == null ? own : new Notice(own.kind(), own.message() + "; " + did);
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String message;
    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    /** The credit manager has seen it; the first acknowledgement stands. */
    public void acknowledge(String by, OffsetDateTime at) {
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
            acknowledgedBy = by;
        }
    }

    public static Alert raise(Buyer buyer, String kind, String message, OffsetDateTime at) {
        Alert a = new Alert();
        a.id = UUID.randomUUID();
        a.tenantId = buyer.tenantId;
        a.buyerId = buyer.id;
        a.kind = kind;
        a.message = message;
        a.raisedAt = at;
        return a;
    }
}
