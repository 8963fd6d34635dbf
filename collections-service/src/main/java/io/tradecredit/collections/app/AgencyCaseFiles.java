package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.events.AgencyEvents.CaseFile;
import io.tradecredit.collections.events.AgencyEvents.Communication;
import io.tradecredit.collections.events.AgencyEvents.Creditor;
import io.tradecredit.collections.events.AgencyEvents.Debtor;
import io.tradecredit.collections.events.AgencyEvents.Invoice;
import io.tradecredit.collections.events.AgencyEvents.LateCharges;
import io.tradecredit.collections.persistence.BuyerIdentityRepository;
import io.tradecredit.collections.persistence.OpenInvoiceRow;
import io.tradecredit.collections.persistence.ReadModelRepository;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * The case file an agency gets (docs/domain.md §3): both parties as the read model knows them (the
 * seller's party and the buyer's address as a letter prints them, {@link Letters}; the buyer's
 * contacts as notification-service published them, {@link BuyerContacts}), the buyer's open
 * invoices with open, disputed and collectible amounts and the late charges last stated, the totals
 * per currency, and the case's log as the prior communication record. Published at hand-off and shown in the agency's
 * REST view, so the two never differ.
 */
@ApplicationScoped
public class AgencyCaseFiles {
    @Inject
    ReadModelRepository invoices;

    @Inject
    BuyerIdentityRepository buyers;

    @Inject
    CollectionCases cases;

    @Inject
    Letters letters;

    @Inject
    BuyerContacts contacts;

    public Uni<CaseFile> of(String tenantId, AgencyPlacement p, String instruction, LocalDate asOf) {
        return CurrentTransaction.run(() -> buyers.of(tenantId, p.buyerId())
                .chain(debtor -> invoices.openOf(tenantId, p.buyerId())
                        .chain(open -> letters.factsOf(tenantId, p.buyerId())
                                .chain(facts -> contacts.of(tenantId, p.buyerId()).chain(people -> cases
                                        .activities(tenantId, p.caseId()).map(log -> {
                                    Map<UUID, LetterFacts.LateCharges> charges = new HashMap<>();
                                    facts.invoices().stream().filter(i -> i.lateCharges() != null)
                                            .forEach(i -> charges.put(i.invoiceId(), i.lateCharges()));
                                    List<Invoice> lines = open.stream()
                                            .map(r -> invoice(r, asOf, charges.get(r.invoiceId))).toList();
                                    return new CaseFile(p.caseId(), p.id(), p.agencyCode(), p.handedOn(), instruction,
                                            creditor(tenantId, facts.seller()),
                                            debtor(p, debtor, open, facts).withContacts(people), lines,
                                            totals(lines, Invoice::collectibleAmount), totals(lines, Invoice::disputedAmount),
                                            log.stream().map(a -> new Communication(a.at(), a.kind(), a.actor(), a.detail()))
                                                    .toList());
                                }))))));
    }

    private static Creditor creditor(String tenantId, LetterFacts.Party seller) {
        return seller == null ? new Creditor(tenantId, null, null, null, null)
                : new Creditor(tenantId, seller.name(), seller.address(), seller.taxId(), seller.bankAccount());
    }

    /** The registered identity, else the name on the invoices; the address from the newest invoice giving one. */
    private static Debtor debtor(AgencyPlacement p, Optional<Debtor> registered, List<OpenInvoiceRow> open,
            LetterFacts facts) {
        String name = open.isEmpty() ? null : open.get(0).buyerName;
        Debtor who = registered.orElse(new Debtor(p.buyerId(), name, null, null, null, null));
        if (who.name() == null && name != null) {
            who = who.withName(name);
        }
        return who.withAddress(facts.buyerAddress());
    }

    private static Invoice invoice(OpenInvoiceRow r, LocalDate asOf, LetterFacts.LateCharges charges) {
        Function<java.math.BigDecimal, Money> money = a -> Money.rounded(a, Money.currencyOf(r.currency.trim()));
        int dpd = (int) Math.max(0, ChronoUnit.DAYS.between(r.dueDate, asOf));
        return new Invoice(r.invoiceId, r.invoiceNumber, r.purchaseOrderNumber, r.issueDate, r.dueDate, dpd,
                r.paymentTerms, money.apply(r.total), money.apply(r.openAmount), money.apply(r.disputedAmount),
                money.apply(r.collectibleAmount), charges == null ? null
                        : new LateCharges(charges.asOf(), charges.interest(), charges.fee(), charges.total()));
    }

    /** One amount per currency (by code), zero totals left out. */
    private static List<Money> totals(List<Invoice> lines, Function<Invoice, Money> amount) {
        Map<String, Money> by = new TreeMap<>();
        lines.forEach(i -> by.merge(amount.apply(i).currencyCode(), amount.apply(i), Money::plus));
        return by.values().stream().filter(m -> !m.isZero()).toList();
    }
}
