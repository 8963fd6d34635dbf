package io.tradecredit.collections.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.domain.AgencyUpdate;
import io.tradecredit.collections.domain.BuyerContact;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.common.money.Money;

/**
 * What collections-service tells a partner agency on {@code agency.<code>.cases}, and tells the
 * platform on {@code collection-cases} about agencies; keyed by case id. Schemas:
 * {@code contracts/schemas/io.tradecredit.collections.<name>.v1.json}.
 */
public final class AgencyEvents {
    private AgencyEvents() {
    }

    /**
     * The selling enterprise (the tenant) as the buyer's most recently issued open invoice that names
     * it prints it, with the account the buyer pays into; the fields are null when no open invoice
     * does (issued before invoice-service's events carried the parties).
     */
    public record Creditor(String tenantId, String name, String address, String taxId, String bankAccount) {
    }

    /**
     * The buyer as the read model knows it (credit-events' buyer-registered, the name on its
     * invoices); {@code address} as its most recently issued open invoice that gives one prints it.
     */
    public record Debtor(UUID buyerId, String name, String country, String registrationNumber, String taxId,
            String address, List<BuyerContact> contacts) {
        public Debtor {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }

        public Debtor(UUID buyerId, String name, String country, String registrationNumber, String taxId,
                String address) {
            this(buyerId, name, country, registrationNumber, taxId, address, List.of());
        }

        public Debtor withName(String name) {
            return new Debtor(buyerId, name, country, registrationNumber, taxId, address, contacts);
        }

        public Debtor withAddress(String address) {
            return new Debtor(buyerId, name, country, registrationNumber, taxId, address, contacts);
        }

        public Debtor withContacts(List<BuyerContact> contacts) {
            return new Debtor(buyerId, name, country, registrationNumber, taxId, address, contacts);
        }
    }


    /**
     * One open invoice: amounts as invoice-service last stated them; the disputed part is not to be
     * collected. {@code lateCharges} as invoice-service last stated them, null while it stated none.
     */
    public record Invoice(UUID invoiceId, String invoiceNumber, String purchaseOrderNumber, LocalDate issueDate,
            LocalDate dueDate, int daysPastDue, String paymentTerms, Money total, Money openAmount, Money disputedAmount,
            Money collectibleAmount, LateCharges lateCharges) {
    }

    /** Late interest to {@code asOf} and the late fee, less waivers, and their sum, as invoice-service stated them. */
    public record LateCharges(LocalDate asOf, Money interest, Money fee, Money total) {
    }

    /** One entry of the case's log, the prior communication record. */
    public record Communication(OffsetDateTime at, String kind, String actor, Map<String, Object> detail) {
    }

    /** Everything the agency needs to work the case without calling back. */
    public record CaseFile(UUID caseId, UUID placementId, String agencyCode, LocalDate handedOn, String instruction,
            Creditor creditor, Debtor debtor, List<Invoice> invoices, List<Money> collectible, List<Money> disputed,
            List<Communication> communication) {
    }

    public record CaseRecalled(UUID caseId, UUID placementId, String agencyCode, LocalDate recalledOn, String note) {
    }

    /** A ladder step for a case the agency already holds (e.g. {@code agency.may-take-legal-action}). */
    public record CaseInstructed(UUID caseId, UUID placementId, String agencyCode, LocalDate on, String stepKey,
            String instruction) {
    }

    public record HandedToAgency(UUID caseId, UUID buyerId, UUID placementId, String agencyCode, LocalDate handedOn,
            String by, String stepKey) {
    }

    public record Recalled(UUID caseId, UUID buyerId, UUID placementId, String agencyCode, LocalDate recalledOn,
            String by, String note) {
    }

    public record AgencyUpdateReceived(UUID caseId, UUID buyerId, UUID placementId, String agencyCode,
            AgencyUpdate.Kind kind, LocalDate reportedOn, Money amount, LocalDate promisedFor, String note, String via,
            CaseState caseState, boolean placementEnded) {
    }

    public static OutgoingEvent placed(String tenantId, CaseFile file) {
        return toAgency(file.agencyCode(), "agency-case-placed", tenantId, file.caseId(), file);
    }

    public static OutgoingEvent recalledToAgency(String tenantId, AgencyPlacement p, String note) {
        return toAgency(p.agencyCode(), "agency-case-recalled", tenantId, p.caseId(),
                new CaseRecalled(p.caseId(), p.id(), p.agencyCode(), p.endedOn(), note));
    }

    public static OutgoingEvent instructed(String tenantId, AgencyPlacement p, LocalDate on, String stepKey,
            String instruction) {
        return toAgency(p.agencyCode(), "agency-case-instructed", tenantId, p.caseId(),
                new CaseInstructed(p.caseId(), p.id(), p.agencyCode(), on, stepKey, instruction));
    }

    public static OutgoingEvent handedToAgency(String tenantId, AgencyPlacement p, String by, String stepKey) {
        return CaseEvents.event("handed-to-agency", tenantId, p.caseId(),
                new HandedToAgency(p.caseId(), p.buyerId(), p.id(), p.agencyCode(), p.handedOn(), by, stepKey));
    }

    public static OutgoingEvent recalled(String tenantId, AgencyPlacement p, String by, String note) {
        return CaseEvents.event("recalled", tenantId, p.caseId(),
                new Recalled(p.caseId(), p.buyerId(), p.id(), p.agencyCode(), p.endedOn(), by, note));
    }

    public static OutgoingEvent updateReceived(String tenantId, AgencyPlacement p, AgencyUpdate u, String via,
            CaseState caseState, boolean placementEnded) {
        return CaseEvents.event("agency-update-received", tenantId, p.caseId(),
                new AgencyUpdateReceived(p.caseId(), p.buyerId(), p.id(), p.agencyCode(), u.kind(), u.reportedOn(),
                        u.amount(), u.promisedFor(), u.note(), via, caseState, placementEnded));
    }

    private static OutgoingEvent toAgency(String agencyCode, String name, String tenantId, UUID caseId, Object payload) {
        return new OutgoingEvent(TopicNames.agencyCases(agencyCode), CaseEvents.PREFIX + name + ".v1", "collection-case",
                caseId.toString(), tenantId, payload);
    }
}
