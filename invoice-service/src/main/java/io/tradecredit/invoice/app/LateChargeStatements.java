package io.tradecredit.invoice.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.invoice.app.LateChargeAccounts.InvoiceLateCharges;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoicingPolicy;
import io.tradecredit.invoice.domain.LateChargeStatement;
import io.tradecredit.invoice.domain.LateCharges;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.PolicyRepository;

/**
 * The daily job's late-charge statements: each overdue invoice whose look is due gets its charges
 * computed by the same code as {@code GET .../late-charges} ({@link LateChargeAccounts}, which
 * answers the GET as a batch of one), a whole batch at once, and
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

    /**
     * Looks at up to {@code limit} invoices whose look is due, as one batch: a fixed number of
     * statements however many invoices (lock, load, tenants' policies for their statement intervals, the
     * accounts' four reads, one outbox insert), plus the invoices' updated look dates flushed at commit.
     */
    public Uni<Looked> lookAt(LocalDate asOf, int limit) {
        return invoices.lateChargesToLook(asOf, limit).chain(due -> due.isEmpty()
                ? Uni.createFrom().item(new Looked(0, 0))
                : policies.policiesOf(due.stream().map(i -> i.tenantId).collect(Collectors.toSet()))
                        .chain(tenantPolicies -> accounts.accountsOf(due, asOf)
                                .chain(all -> state(all, tenantPolicies, asOf)))
                        .map(stated -> new Looked(due.size(), stated)));
    }

    /**
     * Looks at one invoice at once, inside the caller's transaction, after a change that can change its late fee
     * (a dispute resolved, a credit note, a waiver): a fee that changed is stated now, as of {@code today}, not at the daily
     * job's next look up to {@code lateChargeStatementDays} later, so collections-service's letters (a +30 letter
     * caught up after a rejected dispute) do not quote the fee from before the change. Other changes follow the usual
     * judgement ({@link LateChargeStatement#judge}). Nothing for an invoice not yet past due or no longer open.
     */
    public Uni<Void> lookAtOnce(Invoice invoice, LocalDate today) {
        return lookAtOnce(List.of(invoice), today);
    }

    /**
     * The same for several invoices changed together, as one batch (a payment plan broken: a fee frozen on its day
     * under the kept plan appears, and the interest runs again). A waiver and a broken plan look at once since
     * session 32, as a dispute's resolution and a credit note do.
     */
    public Uni<Void> lookAtOnce(List<Invoice> changed, LocalDate today) {
        List<Invoice> overdue = changed.stream().filter(i -> i.status.isOpen() && today.isAfter(i.dueDate)).toList();
        if (overdue.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(Mutiny.Session::flush) // the change's rows, read back by the accounts
                .chain(() -> policies.policiesOf(overdue.stream().map(i -> i.tenantId).collect(Collectors.toSet())))
                .chain(tenantPolicies -> accounts.accountsOf(overdue, today)
                        .chain(all -> state(all, tenantPolicies, today)))
                .replaceWithVoid();
    }

    /** Judges each invoice's charges, moves its next look, and records the statements due; how many. */
    private Uni<Integer> state(List<InvoiceLateCharges> all, Map<String, InvoicingPolicy> tenantPolicies,
            LocalDate asOf) {
        List<OutgoingEvent> statements = new ArrayList<>();
        for (InvoiceLateCharges charges : all) {
            Invoice invoice = charges.invoice();
            LateCharges due = charges.account().due();
            LocalDate feeDay = invoice.dueDate.plusDays(charges.terms().policy().feeAfterDays());
            LateChargeStatement.Judgement judgement = LateChargeStatement.judge(invoice.lastLateChargeStatement(), due,
                    asOf, tenantPolicies.get(invoice.tenantId).lateChargeStatementDays(), feeDay);
            invoice.lateChargesLookedAt(asOf, due, judgement);
            if (judgement.state()) {
                statements.add(InvoiceEvents.lateChargesStated(invoice, charges.terms(), charges.account()));
            }
        }
        return statements.isEmpty() ? Uni.createFrom().item(0)
                : outbox.record(statements).replaceWith(statements.size());
    }
}
