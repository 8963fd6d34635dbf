package io.tradecredit.credit.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.credit.app.Ledger;
import io.tradecredit.credit.domain.LedgerChange;
import io.tradecredit.credit.domain.RegradeRule.Happened;
import io.tradecredit.credit.domain.RegradeRule.LedgerEvent;

/**
 * Reads {@code invoice-events} (schemas {@code io.tradecredit.invoice.*.v1}), once per event id:
 * each event becomes the changes to the buyer's invoice positions and what happened, for
 * {@link Ledger} (which of them re-grade the buyer is {@link io.tradecredit.credit.domain.RegradeRule}'s
 * call). Types it does not know are skipped, so invoice-service can add events without
 * breaking this consumer; a known event it cannot read goes to the DLQ.
 */
@ApplicationScoped
public class InvoiceEventConsumer {
    static final String CONSUMER = "credit-service";

    @Inject
    BatchInbox inbox;

    @Inject
    Ledger ledger;

    @Inject
    BusinessTimeZone businessZone;

    /**
     * A poll at a time (the channel has {@code batch=true}): one transaction and one inbox statement for
     * the poll's events instead of one of each per event, which was most of what a payment cost this reader
     * (issue 15); an event that cannot be read, or whose invoice is not here yet, fails the poll's
     * transaction and the poll is applied again one event at a time, as before (chassis {@link BatchInbox}).
     */
    @Incoming("invoice-events")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveAll(CONSUMER, batch, this::apply);
    }

    Uni<Void> apply(IncomingEvent e) {
        String name = e.nameFrom("invoice");
        if (name == null) {
            return Uni.createFrom().voidItem();
        }
        EventFields d = e.fields();
        List<LedgerChange> changes = new ArrayList<>();
        LedgerEvent happened;
        switch (name) {
            case "issued" -> {
                changes.add(new LedgerChange(d.uuid("invoiceId"), d.text("invoiceNumber"), d.money("total"),
                        d.money("openAmount"), d.date("dueDate"), null, null, null, d.date("issueDate")));
                happened = LedgerEvent.of(Happened.ISSUED);
            }
            case "written-off" -> {
                Money openAfter = d.money("openAmount");
                // the write-off's own day (an insured loss is dated on the insurer's payment, which may be days before
                // invoice-service booked it); events published before it told it: the day the event was recorded
                LocalDate on = d.has("writtenOffOn") ? d.date("writtenOffOn")
                        : e.time() == null ? businessZone.today() : businessZone.dateOf(e.time());
                // what the buyer and its insurer had paid of it before (absent in events published before they were told)
                changes.add(LedgerChange.writeOff(d.uuid("invoiceId"), openAfter, d.money("amount"), on,
                        paidByBuyer(d), d.optionalMoney("paidByInsurer").orElse(null)));
                happened = LedgerEvent.ofInvoice(Happened.WRITTEN_OFF, d.text("invoiceNumber"));
            }
            case "credit-note-issued" -> {
                // what it took off the open amount is credited, not paid (domain.InvoicePosition)
                changes.add(LedgerChange.creditNote(d.uuid("invoiceId"), d.money("openAmount")));
                // an upheld dispute's note is followed by its resolution, which re-grades
                LocalDate on = e.time() == null ? businessZone.today() : businessZone.dateOf(e.time());
                happened = d.has("disputeId") ? LedgerEvent.of(Happened.CREDIT_NOTE_ISSUED)
                        : LedgerEvent.creditNote(d.text("invoiceNumber"),
                                (int) ChronoUnit.DAYS.between(d.date("dueDate"), on));
            }
            case "receipt-confirmed", "cancelled" -> {
                changes.add(LedgerChange.open(d.uuid("invoiceId"), d.optionalMoney("openAmount")
                        .orElseGet(() -> Money.zero(d.money("total").currency()))));
                happened = LedgerEvent.of(Happened.valueOf(constant(name)));
            }
            case "payment-received", "payment-reversed", "buyer-credit-applied" -> {
                for (EventFields a : d.objects("allocations")) {
                    changes.add(LedgerChange.open(a.uuid("invoiceId"), a.money("openAmount")));
                }
                happened = LedgerEvent.of(Happened.valueOf(constant(name)));
            }
            case "paid" -> {
                int dpd = d.integer("daysPastDue");
                // the buyer's credit insurer paid part or all of it (settledBy INSURER, or the buyer finished it after a
                // partial indemnity): whose money it was; the buyer's part late as paidByBuyer says, the insurer's never
                // the buyer's (domain.BuyerLedger)
                Money byInsurer = d.optionalMoney("paidByInsurer").orElse(null);
                changes.add(LedgerChange.paid(d.uuid("invoiceId"), d.money("openAmount"), d.date("paidOn"), dpd,
                        byInsurer == null ? null : paidByBuyer(d), byInsurer));
                // settled by the insurer, or by the buyer after the insurer paid part of it (RegradeRule)
                happened = LedgerEvent.paid(d.text("invoiceNumber"), dpd, d.optionalText("settledBy").orElse(null),
                        byInsurer != null);
            }
            case "became-overdue" -> {
                changes.add(LedgerChange.open(d.uuid("invoiceId"), d.money("openAmount")));
                happened = LedgerEvent.ofInvoice(Happened.BECAME_OVERDUE, d.text("invoiceNumber"));
            }
            case "dispute-opened" -> {
                changes.add(disputed(d, d.money("disputedAmount").amount()));
                happened = LedgerEvent.ofInvoice(Happened.DISPUTE_OPENED, d.text("invoiceNumber"));
            }
            case "dispute-resolved" -> {
                changes.add(disputed(d, d.money("disputedAmount").amount().negate()));
                happened = LedgerEvent.disputeResolved(d.text("invoiceNumber"),
                        d.optionalText("creditPolicyAdjustment").orElse(null));
            }
            case "instalment-missed" -> happened = LedgerEvent.instalmentMissed(
                    d.integer("instalmentNumber"));
            case "plan-broken" -> happened = LedgerEvent.planBroken(d.text("reason"));
            default -> {
                return Uni.createFrom().voidItem();
            }
        }
        return ledger.apply(e.tenantId(), d.uuid("buyerId"), changes, happened);
    }

    /** "credit-note-issued" is {@link Happened#CREDIT_NOTE_ISSUED}. */
    private static String constant(String eventName) {
        return eventName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** What the buyer itself had paid of the invoice and how late ({@code paidByBuyer}); null: nothing, or not told. */
    private static LedgerChange.PaidBefore paidByBuyer(EventFields d) {
        if (!d.has("paidByBuyer")) {
            return null;
        }
        EventFields paid = d.object("paidByBuyer");
        return new LedgerChange.PaidBefore(paid.money("amount"), paid.integer("daysPastDue"));
    }

    private static LedgerChange disputed(EventFields d, BigDecimal delta) {
        return new LedgerChange(d.uuid("invoiceId"), null, null, d.money("openAmount"), null, delta, null, null);
    }
}
