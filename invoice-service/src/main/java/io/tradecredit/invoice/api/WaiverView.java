package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.LateChargeWaiver;

/** A late-charge waiver: what was given up, under which terms, by whom, when and why. */
public record WaiverView(UUID id, UUID invoiceId, LateChargeWaiver.Scope scope, String reason, Money interestWaived,
        Money feeWaived, Money totalWaived, LateChargeTermsJson.View terms, LocalDate waivedOn, OffsetDateTime waivedAt,
        String waivedBy) {

    static WaiverView of(LateChargeWaiver w) {
        return new WaiverView(w.id(), w.invoiceId(), w.scope(), w.reason(), w.waived().interest(), w.waived().fee(),
                w.waived().total(), LateChargeTermsJson.View.of(w.policy()), w.waivedOn(), w.waivedAt(), w.waivedBy());
    }
}
