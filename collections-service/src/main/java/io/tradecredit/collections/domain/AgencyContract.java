package io.tradecredit.collections.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * A tenant's contract with a partner agency (docs/domain.md §3 "Cases and agencies"): its code
 * (which names its topics {@code agency.<code>.cases} and {@code .updates}), its success fee as
 * a percentage of what buyers pay while their case is with it, the currencies it collects, and
 * its {@link HandOffRule}.
 */
public record AgencyContract(String agencyCode, BigDecimal successFeePercent, Set<Currency> currencies,
        HandOffRule handOff) {

    public AgencyContract {
        List<Violation> wrong = new ArrayList<>();
        // the code becomes part of a Kafka topic name: lower-case letters, digits and dashes only
        if (agencyCode == null || !agencyCode.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            wrong.add(new Violation("agencyCode", "must be 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit"));
        }
        if (successFeePercent == null || successFeePercent.signum() < 0
                || successFeePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            wrong.add(new Violation("successFeePercent", "must be from 0 to 100"));
        }
        if (currencies == null || currencies.isEmpty()) {
            wrong.add(new Violation("currencies", "must name at least one currency the agency collects"));
        }
        if (handOff == null) {
            wrong.add(new Violation("handOff", "is required: a mode (MANUAL, DAYS_PAST_DUE or MINIMUM_AMOUNT)"));
        } else {
            wrong.addAll(handOff.violations("handOff"));
            List<Money> minimum = handOff.minimumOverdue().amounts();
            for (int i = 0; i < minimum.size(); i++) {
                if (currencies != null && !currencies.contains(minimum.get(i).currency())) {
                    wrong.add(new Violation("handOff.minimumOverdue[" + i + "].currency",
                            "the agency does not collect " + minimum.get(i).currencyCode()));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("agency-contract.invalid", "The agency contract is incomplete or inconsistent", wrong);
        }
        currencies = Set.copyOf(currencies);
    }

    /**
     * Whether {@code other} states the very same terms: the same fee (15 equals 15.00), currencies and hand-off
     * rule (its mode, days past due and minimum overdue amounts, in any order). Re-sending them is no change of
     * terms, so no new version (docs/collections-service.md, "Agencies").
     */
    public boolean sameTermsAs(AgencyContract other) {
        return agencyCode.equals(other.agencyCode) && successFeePercent.compareTo(other.successFeePercent) == 0
                && currencies.equals(other.currencies) && handOff.mode() == other.handOff.mode()
                && java.util.Objects.equals(handOff.daysPastDue(), other.handOff.daysPastDue())
                && Set.copyOf(handOff.minimumOverdue().amounts()).equals(Set.copyOf(other.handOff.minimumOverdue().amounts()));
    }

    /** A contract under which only a collector hands cases over. */
    public AgencyContract(String agencyCode, BigDecimal successFeePercent, Set<Currency> currencies) {
        this(agencyCode, successFeePercent, currencies, HandOffRule.MANUAL_ONLY);
    }

    /**
     * Whether the agency has anything of the buyer's to collect: an amount owed overdue ({@code owedOverdue}, one per
     * currency, disputed parts included) above zero in a currency it collects. A case is handed to it, by a
     * collector as by the run, only then: an agency collecting USD cannot collect a buyer's CNY, and what the buyer
     * pays in CNY would never earn its fee.
     */
    public boolean collectsAnyOf(List<Money> owedOverdue) {
        return owedOverdue.stream().anyMatch(o -> o.isPositive() && currencies.contains(o.currency()));
    }

    /**
     * Whether the run may hand this buyer to the agency: its rule holds in a currency the agency collects, on the
     * balance and the days past due of that currency (owing 100.00 USD for 200 days and 50,000.00 CNY for 5, the buyer
     * is not 200 days past due in CNY).
     */
    public boolean takes(List<HandOffRule.Overdue> overdue) {
        return overdue.stream().anyMatch(o -> currencies.contains(o.amount().currency())
                && handOff.qualifies(o.oldestDaysPastDue(), o.amount()));
    }

    /**
     * The agency the run hands a buyer to, among a tenant's contracts: of those that take it, the
     * lowest success fee (the tenant keeps more), then the agency code; none if none takes it.
     */
    public static Optional<AgencyContract> chooseFor(List<AgencyContract> contracts, List<HandOffRule.Overdue> overdue) {
        return contracts.stream().filter(c -> c.takes(overdue))
                .min(Comparator.comparing(AgencyContract::successFeePercent).thenComparing(AgencyContract::agencyCode));
    }
}
