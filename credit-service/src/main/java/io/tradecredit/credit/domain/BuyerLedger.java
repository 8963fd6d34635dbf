package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.credit.domain.PaymentIndex.Settlement;

/**
 * What the tenant's ledger says about one buyer, from the invoice positions credit-service keeps:
 * the payment history for the payment index and the disputed share. A paid invoice counts with
 * its total and the days it was paid past due; an invoice still open past its due date counts
 * with its open amount and its days past due so far, so a buyer that stops paying is graded down
 * before it pays at last.
 */
public record BuyerLedger(List<Position> positions) {

    /** One invoice as the ledger's events described it; amounts in the invoice currency. */
    public record Position(BigDecimal total, BigDecimal open, LocalDate dueDate, BigDecimal disputedTotal,
            LocalDate paidOn, Integer daysPastDue) {
    }

    public List<Settlement> settlements(LocalDate asOf) {
        List<Settlement> history = new ArrayList<>();
        for (Position p : positions) {
            if (p.paidOn() != null && p.daysPastDue() != null) {
                history.add(new Settlement(p.total(), p.daysPastDue()));
            } else if (p.open().signum() > 0 && p.dueDate().isBefore(asOf)) {
                history.add(new Settlement(p.open(), (int) ChronoUnit.DAYS.between(p.dueDate(), asOf)));
            }
        }
        return history;
    }

    /** Days beyond terms weighted by amount; null before anything was paid or fell overdue. */
    public BigDecimal weightedDaysBeyondTerms(LocalDate asOf) {
        return PaymentIndex.weightedDaysBeyondTerms(settlements(asOf));
    }

    /** Share of the invoiced amount ever disputed; null before the first invoice. */
    public BigDecimal disputedShare() {
        BigDecimal invoiced = positions.stream().map(Position::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (invoiced.signum() == 0) {
            return null;
        }
        BigDecimal disputed = positions.stream().map(Position::disputedTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return disputed.divide(invoiced, MathContext.DECIMAL64);
    }
}
