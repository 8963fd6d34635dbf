package io.tradecredit.invoice.app;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LateChargeStatement;
import io.tradecredit.invoice.domain.LateCharges;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.PolicyRepository;

/**
 * The daily job's late-charge statements: each overdue invoice whose look is due gets its charges
 * computed by the same rule as {@code GET .../late-charges} ({@link LateChargeAccounts}), and
 * {@link LateChargeStatement} says whether they are stated ({@code late-charges-stated}) and when to
 * look next. Runs in the job's batch transaction.
 */
@ApplicationScoped
public class LateChargeStatements {

    /** How many invoices a batch looked at, and how many of them were stated. */
    public record Looked(int invoices, int stated) {
    }

    @Inject
    InvoiceRepository invoices;

    @Inject
    LateChargeAccounts accounts;

    @Inject
    PolicyRepository policies;

    @Inject
    Outbox outbox;

    public Uni<Looked> lookAt(LocalDate asOf, int limit) {
        return invoices.lateChargesToLook(asOf, limit).chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(invoice -> look(invoice, asOf))
                .collect().asList()
                .map(stated -> new Looked(due.size(), (int) stated.stream().filter(s -> s).count())));
    }

    private Uni<Boolean> look(Invoice invoice, LocalDate asOf) {
        return accounts.accountOf(invoice, asOf).chain(charges -> policies.policyOf(invoice.tenantId).chain(policy -> {
            LateCharges due = charges.account().due();
            LocalDate feeDay = invoice.dueDate.plusDays(charges.terms().policy().feeAfterDays());
            LateChargeStatement.Judgement judgement = LateChargeStatement.judge(invoice.lastLateChargeStatement(), due,
                    asOf, policy.lateChargeStatementDays(), feeDay);
            invoice.lateChargesLookedAt(asOf, due, judgement);
            if (!judgement.state()) {
                return Uni.createFrom().item(false);
            }
            return outbox.record(InvoiceEvents.lateChargesStated(invoice, charges.terms(), charges.account()))
                    .replaceWith(true);
        }));
    }
}
