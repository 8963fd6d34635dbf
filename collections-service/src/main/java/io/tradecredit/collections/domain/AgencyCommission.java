package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * An agency's commission for a period (docs/domain.md §3 "Cases and agencies"): what buyers paid,
 * in the ledger, while their case was with the agency, times its success fee, per currency.
 *
 * <p>A payment counts when its effective date lies in the period (both ends included) and in one
 * of the buyer's placements with this agency: from the hand-off day included to the day the case
 * came back. That last day counts when the stay ended in the agency's result, a settlement it
 * reported or the case closed while it held it (a buyer who pays in full closes its case that
 * very day): {@link PlacementEnd#earnsOnItsDay}. It does not when the tenant recalled the case or
 * the agency gave it back (returned, uncollectible): from that day on the tenant collects, and no
 * payment after the end counts, whatever the reason (docs/collections-service.md, "Agencies"). It
 * counts once even if placements overlap.
 * Only the contract's currencies count. Reversals are negative payments, so a reversal in the
 * period takes back commission (a statement may be negative). The commission is the collected
 * total per currency times the fee, rounded once HALF_UP to the currency's scale.
 */
public final class AgencyCommission {

    /**
     * A case's stay with an agency.
     *
     * @param endedOn null while the case is still there
     * @param endReason why it ended (null while it has not)
     */
    public record Placement(UUID caseId, UUID buyerId, String agencyCode, LocalDate handedOn, LocalDate endedOn,
            PlacementEnd endReason) {
        boolean covers(UUID buyer, LocalDate day) {
            return buyerId.equals(buyer) && !day.isBefore(handedOn) && (endedOn == null || day.isBefore(endedOn)
                    || day.equals(endedOn) && endReason.earnsOnItsDay());
        }
    }

    /** A payment (negative: its reversal) a buyer made, as the ledger reports it. */
    public record BuyerPayment(UUID buyerId, LocalDate on, Money amount) {
    }

    /** One currency's figures. */
    public record Line(Money collected, Money commission) {
    }

    /** The statement for one agency and period, one line per currency, by currency code. */
    public record Statement(String agencyCode, LocalDate from, LocalDate to, List<Line> lines) {
    }

    private AgencyCommission() {
    }

    public static Statement forPeriod(AgencyContract contract, List<Placement> placements,
            List<BuyerPayment> payments, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw DomainError.invalidField("commission.period-reversed", "to", "must not be before from (" + from + ")");
        }
        List<Placement> withAgency = placements.stream()
                .filter(p -> p.agencyCode().equals(contract.agencyCode())).toList();
        Map<String, Money> collected = payments.stream()
                .filter(p -> contract.currencies().contains(p.amount().currency()))
                .filter(p -> !p.on().isBefore(from) && !p.on().isAfter(to))
                .filter(p -> withAgency.stream().anyMatch(pl -> pl.covers(p.buyerId(), p.on())))
                .collect(Collectors.toMap(p -> p.amount().currencyCode(), BuyerPayment::amount, Money::plus));
        List<Line> lines = collected.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Line(e.getValue(), e.getValue().times(contract.successFeePercent().movePointLeft(2))))
                .toList();
        return new Statement(contract.agencyCode(), from, to, lines);
    }
}
