package io.tradecredit.credit.app;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.persistence.Constraints;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.domain.BuyerDetails;
import io.tradecredit.credit.domain.BuyerRules;
import io.tradecredit.credit.domain.BuyerSearch;
import io.tradecredit.credit.domain.StoredFinancialStatement;
import io.tradecredit.credit.domain.FinancialStatement;
import io.tradecredit.credit.events.CreditEvents;
import io.tradecredit.credit.persistence.BuyerRepository;
import io.tradecredit.credit.persistence.StatementRepository;

/**
 * Buyer use cases: register (announced, and assessed at once), update, read, search, and the
 * financial statements that feed the assessment. Each runs in one transaction with its events.
 */
@ApplicationScoped
public class Buyers {
    @Inject
    BuyerRepository buyers;

    @Inject
    StatementRepository statements;

    @Inject
    Assessments assessments;

    @Inject
    Policies policies;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    public Uni<Buyer> register(String tenantId, BuyerDetails details) {
        requireValid(details);
        String registration = details.registrationNumber().strip().toUpperCase(Locale.ROOT);
        return Panache.withTransaction(() -> buyers.registrationTaken(tenantId, registration, null).chain(taken -> {
            if (taken) {
                return Uni.createFrom().failure(duplicate(registration));
            }
            return policies.of(tenantId).chain(policy -> {
                Buyer b = Buyer.register(tenantId, UUID.randomUUID(), details, policy, OffsetDateTime.now(clock));
                return buyers.persist(b)
                        .chain(() -> outbox.record(CreditEvents.registered(b, policy.firstOrderTermDays())))
                        .chain(() -> assessments.reassess(b, "buyer registered")).replaceWith(b);
            });
        })).onFailure(Buyers::isDuplicateRegistration).transform(e -> duplicate(registration));
    }

    /**
     * New identity details; a change of the payment term is a credit manager's ({@code mayAgreeTerms}), as a limit
     * is, and is announced ({@code payment-term-changed}) for invoice-service to hold invoices to it.
     */
    public Uni<Buyer> update(String tenantId, UUID id, BuyerDetails details, String by, boolean mayAgreeTerms) {
        requireValid(details);
        String registration = details.registrationNumber().strip().toUpperCase(Locale.ROOT);
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, id).map(b -> found(b, id))
                .chain(b -> buyers.registrationTaken(tenantId, registration, id).chain(taken -> {
                    if (taken) {
                        return Uni.createFrom().failure(duplicate(registration));
                    }
                    if (details.currency() != null && !details.currency().equals(b.currency) && b.creditLimit != null) {
                        return Uni.createFrom().failure(DomainError.invalidField("buyer.currency-locked", "currency",
                                "cannot change while a limit in " + b.currency + " is set"));
                    }
                    boolean termChanges = b.changesPaymentTerm(details);
                    if (termChanges && !mayAgreeTerms) {
                        return Uni.createFrom().failure(termsByCreditManager());
                    }
                    LocalDate foundedBefore = b.foundedOn;
                    int termBefore = b.paymentTermDays;
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    b.apply(details, now);
                    Uni<Void> announced = termChanges
                            ? outbox.record(CreditEvents.paymentTermChanged(b, termBefore, by, now)).replaceWithVoid()
                            : Uni.createFrom().voidItem();
                    // the founding date is an input of the assessment; the rest of the identity is not
                    return announced.chain(() -> Objects.equals(foundedBefore, b.foundedOn) ? Uni.createFrom().item(b)
                            : assessments.reassess(b, "founding date changed").replaceWith(b));
                }))).onFailure(Buyers::isDuplicateRegistration).transform(e -> duplicate(registration));
    }

    public Uni<Buyer> get(String tenantId, UUID id) {
        return Panache.withSession(() -> buyers.findOwned(tenantId, id)).map(b -> found(b, id));
    }

    public Uni<Page<Buyer>> search(String tenantId, BuyerSearch criteria, int page, int size) {
        return Panache.withSession(() -> buyers.search(tenantId, criteria, page, size));
    }

    /**
     * Stores the statement as the next version of its fiscal year (the first is version 1) and
     * re-assesses; an inconsistent one is refused. The buyer's row is locked, so two statements for
     * the same year at once get versions one after the other.
     */
    public Uni<StoredFinancialStatement> addStatement(String tenantId, UUID buyerId, FinancialStatement s, String by) {
        List<Violation> reasons = s.inconsistencies();
        if (!reasons.isEmpty()) {
            return Uni.createFrom().failure(new DomainError(DomainError.Kind.UNPROCESSABLE, "statement.inconsistent",
                    "The statement is inconsistent: " + String.join("; ",
                            reasons.stream().map(Violation::message).toList()), reasons));
        }
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).map(b -> found(b, buyerId))
                .chain(b -> statements.latestOfYear(tenantId, buyerId, s.fiscalYear()).chain(latest -> {
                    var row = StoredFinancialStatement.record(tenantId, buyerId, s, latest, by,
                            OffsetDateTime.now(clock));
                    String cause = "financial statement " + s.fiscalYear()
                            + (row.version == 1 ? "" : " (version " + row.version + ")");
                    return statements.persist(row).chain(() -> assessments.reassess(b, cause)).replaceWith(row);
                })));
    }

    /** One version of a buyer's statement for a fiscal year. */
    public Uni<StoredFinancialStatement> statement(String tenantId, UUID buyerId, int fiscalYear, int version) {
        return Panache.withSession(() -> buyers.findOwned(tenantId, buyerId).map(b -> found(b, buyerId))
                .chain(b -> statements.version(tenantId, buyerId, fiscalYear, version))).map(found -> {
                    if (found == null) {
                        throw DomainError.notFound("statement.not-found", "No financial statement " + fiscalYear
                                + " version " + version + " for buyer " + buyerId);
                    }
                    return found;
                });
    }

    public Uni<List<StoredFinancialStatement>> statements(String tenantId, UUID buyerId) {
        return Panache.withSession(() -> buyers.findOwned(tenantId, buyerId).map(b -> found(b, buyerId))
                .chain(b -> statements.ofBuyer(tenantId, buyerId)));
    }

    static Buyer found(Buyer b, UUID id) {
        if (b == null) {
            throw DomainError.notFound("buyer.not-found", "No buyer " + id);
        }
        return b;
    }

    private void requireValid(BuyerDetails details) {
        List<Violation> errors = BuyerRules.violations(details, businessZone.today());
        if (!errors.isEmpty()) {
            throw new DomainError(DomainError.Kind.INVALID, "buyer.invalid", "The buyer has " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "" : "s") + ", each named below.", errors);
        }
    }

    private static ProblemException termsByCreditManager() {
        return new ProblemException(new Problem(URI.create("about:blank"), "Forbidden", 403,
                "A credit manager agrees the payment terms; send the buyer's term as it stands to change the rest.",
                null, List.of(new Problem.FieldError("paymentTermDays", "may be changed by a credit manager only")),
                "buyer.terms-by-credit-manager"));
    }

    private static boolean isDuplicateRegistration(Throwable failure) {
        return Constraints.uniqueViolated(failure, "buyer_registration_unique");
    }

    private static DomainError duplicate(String registration) {
        return DomainError.conflict("buyer.registration-taken", "A buyer with registration number " + registration
                + " already exists for this tenant.");
    }
}
