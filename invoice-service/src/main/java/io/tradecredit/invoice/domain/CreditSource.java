package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * Where part of a buyer's credit came from, and how much of it is left to spend: a payment's
 * overpayment, or the part of an upheld dispute's credit note the buyer had paid already. Credit
 * is spent oldest first across both kinds (the day it arose, then when it was recorded), so which
 * credit goes first never depends on where it came from; a payment whose credit was spent can no
 * longer be reversed.
 */
public record CreditSource(Kind kind, UUID id, LocalDate arose, OffsetDateTime recordedAt, Money remaining) {

    public enum Kind {
        /** A payment's overpayment; arose on the day the payment was received. */
        PAYMENT,
        /** The paid part of an upheld dispute's credit note; arose on the day the note was issued. */
        CREDIT_NOTE
    }

    /** What was taken from one source. */
    public record Spent(CreditSource source, Money amount) {
    }

    private static final Comparator<CreditSource> OLDEST_FIRST = Comparator.comparing(CreditSource::arose)
            .thenComparing(CreditSource::recordedAt).thenComparing(CreditSource::id);

    public static CreditSource of(Payment p) {
        return new CreditSource(Kind.PAYMENT, p.id, p.receivedOn, p.createdAt, p.creditRemaining());
    }

    /**
     * Takes {@code amount} from the sources, oldest first. Fails if they hold less: the buyer's
     * balance is the sum of its sources, so that would mean the ledger is inconsistent.
     */
    public static List<Spent> spend(List<CreditSource> sources, Money amount) {
        List<Spent> spent = new ArrayList<>();
        Money left = amount;
        for (CreditSource s : sources.stream().sorted(OLDEST_FIRST).toList()) {
            Money taken = left.min(s.remaining());
            if (taken.isPositive()) {
                spent.add(new Spent(s, taken));
                left = left.minus(taken);
            }
        }
        if (left.isPositive()) {
            throw new IllegalStateException("buyer credit exceeds what its payments and credit notes hold by " + left);
        }
        return spent;
    }
}
