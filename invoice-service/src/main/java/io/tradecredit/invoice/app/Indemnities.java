package io.tradecredit.invoice.app;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.invoice.domain.IndemnityPayment;
import io.tradecredit.invoice.domain.IndemnityPayment.ClaimedInvoice;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.persistence.InvoiceRepository;

/**
 * Books a claim's indemnity in the ledger (DOMAIN §4): each payment of the insurer is posted as
 * a payment from the insurer on the claimed invoices ({@link Payments#postFromInsurer}), as far as they are still
 * open (what the buyer paid on them after approval is a recovery shared by insurance-claims-service, so the
 * insurer's money beyond what is open is not posted and never becomes the buyer's credit); once
 * the claim is fully paid, what is still open on each claimed invoice is written off as the
 * insured loss through {@link WriteOffs#writeOffAll}, as a finance user's write-off, dated on the insurer's
 * {@code paidOn} (the day the loss was settled, not the day this service books it). A claim approved at an
 * indemnity of 0 (its loss all within the deductible) is told as one fully-paid payment of 0: nothing is
 * posted, everything open on the claimed invoices is written off. All in the caller's transaction (the
 * consumer's inbox), so the event's effect happens once or not at all.
 */
@ApplicationScoped
public class Indemnities {
    private static final Logger LOG = Logger.getLogger(Indemnities.class);

    @Inject
    InvoiceRepository invoices;

    @Inject
    Payments payments;

    @Inject
    WriteOffs writeOffs;

    /** What booking one indemnity payment did: the insurer's payment (null when booked before) and the write-offs. */
    public record Booked(Payments.PaymentDetails payment, List<Invoice> writtenOff) {
    }

    public Uni<Booked> book(String tenantId, IndemnityPayment indemnity) {
        return Panache.withTransaction(() -> claimedIds(tenantId, indemnity)
                .chain(ids -> post(tenantId, indemnity, ids).chain(posted -> {
                    if (posted.isEmpty() && !indemnity.paysNothing()) {
                        LOG.infof("indemnity of claim %s (paid so far %s) was booked before, or nothing was open on"
                                + " its invoices; nothing posted",
                                indemnity.claimId(), indemnity.indemnityPaid());
                    }
                    Uni<List<Invoice>> rest = !indemnity.fullyPaid() ? Uni.createFrom().item(List.<Invoice>of())
                            : writeOffs.writeOffAll(tenantId, ids, indemnity.writeOffReason(), indemnity.recordedBy(),
                                    "claim " + indemnity.claimId(), indemnity.paidOn());
                    return rest.map(written -> new Booked(posted.orElse(null), written));
                })));
    }

    private Uni<Optional<Payments.PaymentDetails>> post(String tenantId, IndemnityPayment indemnity, List<UUID> ids) {
        return indemnity.paysNothing() ? Uni.createFrom().item(Optional.empty())
                : payments.postFromInsurer(tenantId, indemnity, ids);
    }

    /** The claimed invoices of the claim's buyer in the tenant: by id where the claim gives one, else by number. */
    private Uni<List<UUID>> claimedIds(String tenantId, IndemnityPayment indemnity) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> numbersOnly = new LinkedHashSet<>();
        for (ClaimedInvoice c : indemnity.invoices()) {
            if (c.invoiceId() != null) {
                ids.add(c.invoiceId());
            } else if (c.invoiceNumber() != null) {
                numbersOnly.add(c.invoiceNumber());
            }
        }
        return invoices.idsOfBuyer(tenantId, indemnity.buyerId(), ids, numbersOnly);
    }
}
