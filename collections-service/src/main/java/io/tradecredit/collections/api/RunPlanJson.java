package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.collections.app.BuyerDay;
import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.StepOutcome;

/** What a run does (or would do) for one buyer on one day, as the dry run and the forecast show it. */
public record RunPlanJson(LocalDate runDate, UUID buyerId, String buyerName, String ladderKey, int ladderVersion,
        boolean approvalMode, List<Message> messages, List<Work> work, List<Step> steps) {

    /** A message it sends (a draft in approval mode), with the request id it would carry and the payment deadline it states. */
    public record Message(UUID requestId, String channel, String templateKey, String stepKey, List<String> invoices,
            LocalDate paymentDeadline) {
    }

    /** A piece of work handed to the slice that does it. */
    public record Work(String itemReference, String stepKey, String kind, String key) {
    }

    /**
     * A due step of an item: TAKEN, SUPERSEDED (by which step) or SKIPPED (why); an instalment of a
     * payment plan names its number ({@code instalmentNumber}, null for an invoice) beside its invoice.
     */
    public record Step(String itemReference, String invoiceNumber, String stepKey, LocalDate stepDay, String outcome,
            String skipReason, String supersededBy, Integer instalmentNumber) {
    }

    static RunPlanJson of(BuyerDay d) {
        return new RunPlanJson(d.runDate(), d.buyerId(), d.facts().buyerName(), d.ladder().key(), d.ladder().version(),
                d.approvalMode(), d.messages().stream().map(m -> message(d, m)).toList(),
                d.orders().stream().map(o -> new Work(o.itemReference(), o.stepKey(), o.action().kind().name(),
                        o.action().key())).toList(),
                d.outcomes().stream().map(o -> step(d, o)).toList());
    }

    private static Message message(BuyerDay d, DunningMessage m) {
        return new Message(d.requestId(m), m.channel().name(), m.templateKey(), m.step().key(),
                m.items().stream().map(StepOutcome::itemReference).toList(), d.facts().paymentDeadline());
    }

    private static Step step(BuyerDay d, StepOutcome o) {
        return new Step(o.itemReference(), d.facts().invoice(UUID.fromString(o.invoiceReference())).invoiceNumber(), o.step().key(),
                o.stepDay(), o.kind().name(), o.skipReason() == null ? null : o.skipReason().name(), d.supersededBy(o),
                o.instalment() == null ? null : o.instalment().number());
    }
}
