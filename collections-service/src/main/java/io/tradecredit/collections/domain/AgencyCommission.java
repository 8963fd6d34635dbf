package io.tradecredit.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * An agency's commission for a period (docs/domain.md §3 "Cases and agencies"): what buyers paid,
 * in the ledger, while their case was with the agency, times its success fee, per currency.
 *
 * <p>A payment counts when its effective date lies in the period (both ends included) and in one
 * of the buyer's placements with this agency: from the hand-off day included to the day the case
 * came back. The hand-off day always counts, also when the case came back that same day, whatever
 * the reason: what the buyer paid that day was paid while the agency held the case, and a statement
 * shown that day does not lose it when the case comes back. A later last day counts when the stay
 * ended in the agency's result, a settlement it reported or the case closed while it held it (a
 * buyer who pays in full closes its case that very day): {@link PlacementEnd#earnsOnItsDay}. It does not when the tenant recalled the case or
 * the agency gave it back (returned, uncollectible): from that day on the tenant collects, and no
 * payment after the end counts, whatever the reason (docs/collections-service.md, "Agencies"). It
 * counts once even if placements overlap.
 * Only the contract's currencies count. A reversal takes away the payment it reverses, never
 * another: reversed within the period the payment was received in (by the period's last day), the
 * payment does not count at all; reversed after that period ended (its statement may have been
 * stated and paid), the statement of the period holding the reversal day takes the payment back as
 * a correction (a statement may be negative). A payment that never earned commission (before the
 * placement, another currency) takes none back when reversed. The commission is the collected
 * total per currency times the fee, rounded once HALF_UP to the currency's scale.
 *
 * <p>Contracts are versioned ({@link RecordedAgencyContract}): a payment is judged by the version in
 * force on the day it was received, its currencies and its fee, so a change of terms never re-prices
 * a past statement; a reversal taken back later takes back what the payment earned, at its version's
 * fee. One line per currency and contract version (by currency code, then version), each rounded once.
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
                    || day.equals(handedOn) || day.equals(endedOn) && endReason.earnsOnItsDay());
        }
    }

    /** A payment a buyer made, as the ledger reports it, and the day it was reversed (null while it stands). */
    public record BuyerPayment(UUID buyerId, LocalDate on, Money amount, LocalDate reversedOn) {
        /** A payment that stands. */
        public BuyerPayment(UUID buyerId, LocalDate on, Money amount) {
            this(buyerId, on, amount, null);
        }
    }

    /** One currency's figures under one version of the contract, and the fee that version set. */
    public record Line(Money collected, Money commission, int contractVersion, BigDecimal successFeePercent) {
    }

    /** The statement for one agency and period, one line per currency, by currency code. */
    public record Statement(String agencyCode, LocalDate from, LocalDate to, List<Line> lines) {
    }

    private AgencyCommission() {
    }

    /** The statement under a contract that never changed (version 1). */
    public static Statement forPeriod(AgencyContract contract, List<Placement> placements,
            List<BuyerPayment> payments, LocalDate from, LocalDate to) {
        return forPeriod(List.of(new RecordedAgencyContract(contract, 1, LocalDate.EPOCH, null, null, null)), placements,
                payments, from, to);
    }

    /**
     * The statement of one agency: {@code versions} are every version of its contract, each payment
     * judged by the one in force on the day it was received.
     */
    public static Statement forPeriod(List<RecordedAgencyContract> versions, List<Placement> placements,
            List<BuyerPayment> payments, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw DomainError.invalidField("commission.period-reversed", "to", "must not be before from (" + from + ")");
        }
        String agencyCode = versions.get(0).contract().agencyCode();
        List<Placement> withAgency = placements.stream()
                .filter(p -> p.agencyCode().equals(agencyCode)).toList();
        record Key(String currency, int version) {
        }
        Map<Key, Money> collected = new TreeMap<>(Comparator.comparing(Key::currency).thenComparingInt(Key::version));
        Map<Integer, RecordedAgencyContract> byVersion = new HashMap<>();
        for (BuyerPayment p : payments) {
            RecordedAgencyContract terms = RecordedAgencyContract.inForceOn(versions, p.on()).orElseThrow();
            if (!terms.contract().currencies().contains(p.amount().currency())
                    || withAgency.stream().noneMatch(pl -> pl.covers(p.buyerId(), p.on()))) {
                continue;
            }
            byVersion.put(terms.version(), terms);
            inPeriod(p, from, to).forEach(m -> collected.merge(new Key(m.currencyCode(), terms.version()), m, Money::plus));
        }
        List<Line> lines = collected.entrySet().stream().map(e -> {
            BigDecimal fee = byVersion.get(e.getKey().version()).contract().successFeePercent();
            return new Line(e.getValue(), e.getValue().times(fee.movePointLeft(2)), e.getKey().version(), fee);
        }).toList();
        return new Statement(agencyCode, from, to, lines);
    }

    /**
     * What an earning payment adds to the period: its amount when received in it and not reversed
     * by its end; its amount taken back when reversed in it after an earlier period counted it.
     */
    private static List<Money> inPeriod(BuyerPayment p, LocalDate from, LocalDate to) {
        boolean receivedIn = !p.on().isBefore(from) && !p.on().isAfter(to);
        if (receivedIn) {
            return p.reversedOn() == null || p.reversedOn().isAfter(to) ? List.of(p.amount()) : List.of();
        }
        boolean reversedIn = p.reversedOn() != null && !p.reversedOn().isBefore(from) && !p.reversedOn().isAfter(to);
        return reversedIn && p.on().isBefore(from) ? List.of(p.amount().negate()) : List.of();
    }
}
