package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.domain.Hold;
import io.tradecredit.collections.domain.RecordedHold;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * What a claim on the credit insurer means for the buyer's dunning and case (docs/collections-service.md,
 * "Claims"; domain §3: at +90 the debt is claimed if insured). A claim opened holds the claimed
 * invoices (reason CLAIM, until the claim is decided; an invoice the claim names without an id
 * holds the whole buyer) and says so in the case log, and one for an insolvency stops the buyer's dunning messages
 * ({@link Insolvency}); a paid indemnity closes the case as CLAIMED;
 * a rejected claim ends the holds and gives the case back to the collector, next action today.
 * Called by the claim-events consumer in the inbox's transaction.
 */
@ApplicationScoped
public class Claims {
    static final String INSURER = "insurance-claims-service";
    /** A claim hold has no end date of its own: it lasts until the claim is decided. */
    static final LocalDate UNTIL_DECIDED = LocalDate.of(9999, 12, 31);

    @Inject
    DunningHolds holds;

    @Inject
    CollectionCases cases;

    @Inject
    BusinessTimeZone businessZone;

    @Inject
    Insolvency insolvency;

    /** An invoice a claim covers; {@code invoiceId} is null for one the claim knows only by its number. */
    public record ClaimedInvoice(String invoiceNumber, UUID invoiceId) {
    }

    /** A claim was opened for {@code invoices}, by {@code trigger} (null in events older than the field). */
    public Uni<Void> opened(String tenantId, UUID claimId, UUID buyerId, List<ClaimedInvoice> invoices, String cause,
            String trigger) {
        LocalDate today = businessZone.today();
        // an invoice known only by number cannot be held alone: the whole buyer is held instead
        List<UUID> held = invoices.stream().anyMatch(i -> i.invoiceId() == null)
                ? java.util.Collections.singletonList(null)
                : invoices.stream().map(ClaimedInvoice::invoiceId).distinct().toList();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("claimId", claimId.toString());
        detail.put("cause", cause);
        if (trigger != null) {
            detail.put("trigger", trigger);
        }
        detail.put("invoices", invoices.stream().map(ClaimedInvoice::invoiceNumber).toList());
        return CurrentTransaction.run(() -> {
            Uni<Void> placed = Uni.createFrom().voidItem();
            for (UUID invoiceId : held) {
                placed = placed.chain(() -> holds.place(tenantId, buyerId, invoiceId, Hold.Reason.CLAIM, today,
                        UNTIL_DECIDED, note(claimId), INSURER).replaceWithVoid());
            }
            return placed.chain(() -> cases.openFor(tenantId, buyerId, today, INSURER))
                    .chain(c -> cases.log(tenantId, c.id(), "claim-opened", INSURER, detail))
                    // after the case is open: the withdrawals of an insolvency claim are logged in it
                    .chain(() -> insolvency.claimOpened(tenantId, claimId, buyerId, cause, INSURER));
        });
    }

    /** The insurer paid an indemnity on the claim: the buyer's open case closes as CLAIMED; a closed one stays closed. */
    public Uni<Void> indemnityPaid(String tenantId, UUID claimId, UUID buyerId) {
        return CurrentTransaction.run(() -> cases.openCaseOf(tenantId, buyerId).chain(open -> open.isEmpty()
                ? Uni.createFrom().voidItem()
                : cases.close(tenantId, open.get().id(), CloseReason.CLAIMED, INSURER,
                        "indemnity paid on claim " + claimId).replaceWithVoid()));
    }

    /** The insurer rejected the claim: its holds end today, and the open case goes back to its collector today. */
    public Uni<Void> rejected(String tenantId, UUID claimId, UUID buyerId, String reason) {
        return ended(tenantId, claimId, buyerId, "claim-rejected", reason);
    }

    /** The tenant withdrew the draft claim (it is not filed): as a rejection, logged as claim-withdrawn. */
    public Uni<Void> withdrawn(String tenantId, UUID claimId, UUID buyerId, String reason) {
        return ended(tenantId, claimId, buyerId, "claim-withdrawn", reason);
    }

    /**
     * The claim will pay nothing: its holds end today, and the open case goes back to its collector today (the
     * tenant's next working day when it does not work today, {@link CollectionCases#backToCollector}).
     */
    private Uni<Void> ended(String tenantId, UUID claimId, UUID buyerId, String logKind, String reason) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> insolvency.claimEnded(tenantId, claimId)
                .chain(() -> holds.list(tenantId, buyerId, null, 0, Integer.MAX_VALUE))
                .chain(page -> {
                    Uni<Void> ended = Uni.createFrom().voidItem();
                    for (RecordedHold r : page.items()) {
                        if (r.hold().reason() == Hold.Reason.CLAIM && Objects.equals(r.note(), note(claimId))) {
                            ended = ended.chain(() -> holds.endEarly(tenantId, r.hold().id(), today, INSURER));
                        }
                    }
                    return ended;
                })
                .chain(() -> cases.openCaseOf(tenantId, buyerId))
                .chain(open -> open.isEmpty() ? Uni.createFrom().voidItem()
                        : cases.log(tenantId, open.get().id(), logKind, INSURER,
                                Map.of("claimId", claimId.toString(), "reason", reason))
                                // today, or the tenant's next working day when it does not work today
                                .chain(() -> cases.backToCollector(tenantId, open.get().id(), today, INSURER))
                                .replaceWithVoid()));
    }

    private static String note(UUID claimId) {
        return "claim " + claimId;
    }
}
