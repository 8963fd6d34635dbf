package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * What an agency reports on a case it holds (docs/domain.md §3 "Cases and agencies"), by topic or
 * through its REST view, and what that means for the case. Every update lands in the case's log;
 * only three move the case: settled (closed, settled), returned and uncollectible (back to the
 * collector). A promise keeps the case with the agency (its commission stays due) and holds the buyer's
 * dunning to its deadline, judged kept or broken as a collector's ({@link #promise}), a reported
 * payment is only logged (the ledger in invoice-service stays the one source of money), and a
 * recommended legal action waits for the tenant (legal costs are its decision).
 *
 * @param amount      promised, reported paid, or proposed / agreed in settlement
 * @param promisedFor the day a promise is due
 */
public record AgencyUpdate(Kind kind, LocalDate reportedOn, Money amount, LocalDate promisedFor, String note) {
    public static final int NOTE_MAX = 2000;

    /** The kinds of report, and what each does to the case. */
    public enum Kind {
        CONTACT_MADE(Effect.LOG), PROMISE(Effect.LOG), PAYMENT_REPORTED(Effect.LOG), SETTLEMENT_PROPOSED(Effect.LOG),
        SETTLED(Effect.CLOSE_SETTLED), LEGAL_ACTION_RECOMMENDED(Effect.LOG), UNCOLLECTIBLE(Effect.BACK_TO_COLLECTOR),
        RETURNED(Effect.BACK_TO_COLLECTOR);

        private final Effect effect;

        Kind(Effect effect) {
            this.effect = effect;
        }

        public Effect effect() {
            return effect;
        }

        /** Why the placement ends, for the kinds that end it. */
        public PlacementEnd placementEnd() {
            return switch (this) {
                case SETTLED -> PlacementEnd.SETTLED;
                case UNCOLLECTIBLE -> PlacementEnd.UNCOLLECTIBLE;
                case RETURNED -> PlacementEnd.RETURNED;
                default -> null;
            };
        }

        boolean needsAmount() {
            return this == PROMISE || this == PAYMENT_REPORTED || this == SETTLEMENT_PROPOSED;
        }
    }

    /** What an accepted update does to the case besides the log entry. */
    public enum Effect {
        /** Logged; the case stays with the agency. */
        LOG,
        /** Placement ended (settled), case closed as {@link CloseReason#SETTLED}. */
        CLOSE_SETTLED,
        /** Placement ended, case back in progress with the collector. */
        BACK_TO_COLLECTOR
    }

    public AgencyUpdate {
        List<Violation> wrong = wrong(kind, reportedOn, amount, promisedFor, note);
        if (!wrong.isEmpty()) {
            throw invalid(wrong);
        }
    }

    /**
     * The update an agency reports on {@code today} (the business zone's date on the service's clock), on its topic or its
     * REST view: every rule of the record, and {@code reportedOn}, the day the agency learnt it, not after today (a report
     * of tomorrow would hold the buyer and date a promise from a day that has not come; until session 33 it was accepted).
     * Every wrong field is named in one refusal (400 {@code agency-update.invalid}; on the topic the DLQ's reason).
     */
    public static AgencyUpdate reported(Kind kind, LocalDate reportedOn, Money amount, LocalDate promisedFor, String note,
            LocalDate today) {
        return reported(kind, reportedOn, amount, promisedFor, note, today, null);
    }

    /**
     * The case a report is about, as the report's rules read it: its stay with the agency ({@link AgencyPlacement#handedOn}),
     * every version of the agency's contract (the currencies it collects in the version in force on the report's day) and
     * the currencies of the case's invoices (the buyer's invoices open now, or settled since the hand-off), and the tenant's
     * terms for promises (how far ahead a promise may be dated).
     */
    public record Held(AgencyPlacement placement, List<RecordedAgencyContract> contract, Set<Currency> invoicedIn,
            PromiseTerms promiseTerms) {
        public Held {
            contract = List.copyOf(contract);
            invoicedIn = Set.copyOf(invoicedIn);
        }

        /**
         * What the report is refused for on this case: {@code reportedOn} before the hand-off
         * ({@link AgencyPlacement#violationIfBefore}), and {@code amount.currency} when its currency is not one the agency
         * collects under the contract's version in force on {@code reportedOn}, or not one the case's invoices are in (an
         * agency collecting CNY reporting 8,500.00 USD paid: nothing of it is the case's, and it would be logged as paid;
         * until session 34 it was accepted), and {@code promisedFor} after the tenant's bound for promises counted from
         * {@code reportedOn}, the day the promise was made ({@link PromiseTerms#violationIfTooFar}: a PROMISE for 2031 would
         * hold the buyer's dunning for years; until session 35 it was accepted).
         */
        List<Violation> violations(LocalDate reportedOn, Money amount, LocalDate promisedFor) {
            List<Violation> wrong = new ArrayList<>();
            if (reportedOn != null) {
                placement.violationIfBefore(reportedOn).ifPresent(wrong::add);
                if (promisedFor != null) {
                    promiseTerms.violationIfTooFar("promisedFor", reportedOn, promisedFor).ifPresent(wrong::add);
                }
            }
            if (amount != null) {
                List<String> why = new ArrayList<>();
                LocalDate day = reportedOn != null ? reportedOn : placement.handedOn();
                RecordedAgencyContract.inForceOn(contract, day).map(RecordedAgencyContract::contract)
                        .filter(c -> !c.currencies().contains(amount.currency()))
                        .ifPresent(c -> why.add("the agency collects " + codes(c.currencies()) + " under its contract in force on "
                                + day));
                if (!invoicedIn.contains(amount.currency())) {
                    why.add("the case's invoices are in " + codes(invoicedIn));
                }
                if (!why.isEmpty()) {
                    wrong.add(new Violation("amount.currency", "'" + amount.currencyCode() + "' is not a currency of this case: "
                            + String.join("; ", why)));
                }
            }
            return wrong;
        }

        private static List<String> codes(Set<Currency> currencies) {
            return currencies.stream().map(Currency::getCurrencyCode).sorted().toList();
        }
    }

    /**
     * {@link #reported} about the case it is for ({@code held}; null when not known yet): with every other wrong field, the
     * report is refused naming {@code reportedOn} dated before the hand-off, {@code amount.currency} outside the agency's
     * contract or the case's invoices and {@code promisedFor} past the tenant's bound for promises ({@link Held#violations}).
     */
    public static AgencyUpdate reported(Kind kind, LocalDate reportedOn, Money amount, LocalDate promisedFor, String note,
            LocalDate today, Held held) {
        List<Violation> wrong = wrong(kind, reportedOn, amount, promisedFor, note);
        if (reportedOn != null && reportedOn.isAfter(today)) {
            wrong.add(new Violation("reportedOn", "must not be after today (" + today + "): the day the agency learnt it"));
        }
        if (held != null) {
            wrong.addAll(held.violations(reportedOn, amount, promisedFor));
        }
        if (!wrong.isEmpty()) {
            throw invalid(wrong);
        }
        return new AgencyUpdate(kind, reportedOn, amount, promisedFor, note);
    }

    /**
     * {@link #reported} of an amount as the agency wrote it, its two parts as text ({@code "8500.00"}, {@code "CNY"}; both
     * null when it gave none): each part that cannot be read is named on its own, {@code amount.amount} (no number, or more
     * decimals than the currency has) and {@code amount.currency} (not an ISO 4217 code in capitals: {@code cny} is not
     * {@code CNY}), with every other wrong field. Until session 33 one unreadable part hid the other.
     */
    public static AgencyUpdate reported(Kind kind, LocalDate reportedOn, String amount, String currency,
            LocalDate promisedFor, String note, LocalDate today) {
        return reported(kind, reportedOn, amount, currency, promisedFor, note, today, null);
    }

    /** {@link #reported(Kind, LocalDate, String, String, LocalDate, String, LocalDate)} about the case it is for. */
    public static AgencyUpdate reported(Kind kind, LocalDate reportedOn, String amount, String currency,
            LocalDate promisedFor, String note, LocalDate today, Held held) {
        List<Violation> unreadable = new ArrayList<>();
        Money money = amountOf(amount, currency, unreadable);
        if (unreadable.isEmpty()) {
            return reported(kind, reportedOn, money, promisedFor, note, today, held);
        }
        List<Violation> wrong = new ArrayList<>(unreadable);
        try {
            reported(kind, reportedOn, null, promisedFor, note, today, held);
        } catch (DomainError rest) {
            // the amount was given: its parts are named, not "amount is required"
            rest.violations().stream().filter(v -> !v.field().equals("amount")).forEach(wrong::add);
        }
        throw invalid(wrong);
    }

    private static Money amountOf(String amount, String currency, List<Violation> wrong) {
        if (amount == null && currency == null) {
            return null;
        }
        boolean knownCurrency = currency != null && currency.matches("[A-Z]{3}") && knownCurrency(currency);
        if (currency == null) {
            wrong.add(new Violation("amount.currency", "is required: an ISO 4217 code such as CNY"));
        } else if (!knownCurrency) {
            wrong.add(new Violation("amount.currency", "'" + currency + "' is no ISO 4217 currency code (in capitals, such as CNY)"));
        }
        if (amount == null) {
            wrong.add(new Violation("amount.amount", "is required: a number such as 8500.00"));
        } else if (amount.length() > Money.MAX_NUMBER_TEXT || !amount.strip().matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            wrong.add(new Violation("amount.amount", "cannot read '" + amount + "' as an amount (a number such as 8500.00)"));
        } else if (knownCurrency) {
            try {
                return Money.fromJson(amount, currency);
            } catch (IllegalArgumentException e) {
                wrong.add(new Violation("amount.amount", e.getMessage()));
            }
        }
        return null;
    }

    private static boolean knownCurrency(String code) {
        try {
            Money.currencyOf(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static DomainError invalid(List<Violation> wrong) {
        return DomainError.invalid("agency-update.invalid", "The agency update is incomplete or inconsistent", wrong);
    }

    private static List<Violation> wrong(Kind kind, LocalDate reportedOn, Money amount, LocalDate promisedFor, String note) {
        List<Violation> wrong = new ArrayList<>();
        if (kind == null) {
            wrong.add(new Violation("kind", "is required: one of " + List.of(Kind.values())));
        }
        if (reportedOn == null) {
            wrong.add(new Violation("reportedOn", "is required: the day the agency learnt it"));
        }
        if (kind != null && kind.needsAmount() && amount == null) {
            wrong.add(new Violation("amount", "is required for " + kind));
        }
        if (amount != null && !amount.isPositive()) {
            wrong.add(new Violation("amount", "must be more than zero"));
        }
        if (kind == Kind.PROMISE && promisedFor == null) {
            wrong.add(new Violation("promisedFor", "is required for a promise: the day the buyer promised to pay"));
        }
        if (kind != null && kind != Kind.PROMISE && promisedFor != null) {
            wrong.add(new Violation("promisedFor", "only for a PROMISE"));
        }
        if (promisedFor != null && reportedOn != null && promisedFor.isBefore(reportedOn)) {
            wrong.add(new Violation("promisedFor", "must not be before reportedOn (" + reportedOn + ")"));
        }
        if (note != null && note.length() > NOTE_MAX) {
            wrong.add(new Violation("note", "at most " + NOTE_MAX + " characters"));
        }
        return wrong;
    }

    /**
     * A {@link Kind#PROMISE} as the buyer's promise to pay (§3 "Holds": whoever heard it), made on {@code reportedOn} (payments
     * count from the day the agency learnt it), its deadline the promised day plus the tenant's grace counted on its calendar
     * ({@link PromiseToPay#make}, {@link PromiseTerms#deadline}), so it holds the buyer's dunning to that deadline and is
     * judged kept or broken by the same rule as a collector's. Null for the other kinds.
     */
    public PromiseToPay promise(java.util.UUID id, java.util.UUID buyerId, PromiseTerms terms, BusinessCalendar calendar,
            BusinessCalendar.DayCount count) {
        return kind != Kind.PROMISE ? null
                : PromiseToPay.make(id, buyerId, amount, reportedOn, promisedFor, terms, calendar, count);
    }

    /**
     * What the report about {@code caseId} says, its case and every field, as its id keeps it
     * ({@link ReceivedAgencyReport#replayOf}): the same report through the topic and REST says the same.
     */
    public String said(java.util.UUID caseId) {
        return ReceivedAgencyReport.said(caseId, this);
    }

    /** The line it adds to the case's log. */
    public String summary() {
        StringBuilder s = new StringBuilder(kind.name().toLowerCase().replace('_', ' '));
        if (amount != null) {
            s.append(' ').append(amount.currencyCode()).append(' ').append(amount.amountText());
        }
        if (promisedFor != null) {
            s.append(" by ").append(promisedFor);
        }
        if (note != null && !note.isBlank()) {
            s.append(": ").append(note);
        }
        return s.toString();
    }
}
