package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

class BuyerRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static BuyerDetails buyer(String country, String registration) {
        return new BuyerDetails("Globex Trading Ltd.", country, registration, "91440300MA5F0XYZ1K",
                "8 Market St, Shenzhen", "wholesale", LocalDate.of(2014, 5, 1), null, null);
    }

    @Test
    void chineseBuyerNeedsAValidUnifiedSocialCreditCode() {
        assertTrue(BuyerRules.violations(buyer("CN", "91350100M000100Y43"), TODAY).isEmpty());
        List<Violation> errors = BuyerRules.violations(buyer("CN", "91350100M000100Y44"), TODAY);
        assertEquals(List.of(new Violation("registrationNumber",
                "is not a valid unified social credit code: check character is '4', expected '3'")), errors);
    }

    @Test
    void foreignBuyerNeedsOnlyARegistrationNumber() {
        assertTrue(BuyerRules.violations(buyer("DE", "HRB 86891"), TODAY).isEmpty());
        assertEquals("registrationNumber", BuyerRules.violations(buyer("DE", " "), TODAY).get(0).field());
    }

    @Test
    void everyMissingOrImpossibleFieldIsNamed() {
        var d = new BuyerDetails(null, "XX", "HRB 1", "", null, null, TODAY.plusDays(1), "XYZ", 400);
        assertEquals(List.of("name", "taxId", "address", "country", "foundedOn", "currency", "paymentTermDays"),
                BuyerRules.violations(d, TODAY).stream().map(Violation::field).toList());
    }

    @Test
    void liftingABlockClearsItAndTellsWhyItWasBlockedOnlyOnce() {
        Buyer b = new Buyer();
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-11-22T10:00:00Z");
        b.block("insolvency filing reported by Shenzhen Intermediate Court on 2026-11-20", at);
        assertEquals("insolvency filing reported by Shenzhen Intermediate Court on 2026-11-20",
                b.liftBlock(at.plusDays(1)));
        assertEquals(false, b.blocked);
        assertEquals(null, b.blockReason);
        var notBlocked = org.junit.jupiter.api.Assertions.assertThrows(
                DomainError.class, () -> b.liftBlock(at.plusDays(2)));
        assertEquals(DomainError.Kind.CONFLICT, notBlocked.kind());
    }

    static BuyerDetails withTerms(Integer days) {
        return new BuyerDetails("Globex Trading Ltd.", "DE", "HRB 86891", "DE123456789", "Marktplatz 1, Hamburg", null,
                null, "EUR", days);
    }

    @Test
    void termsFromPrepaymentToAYearAreAccepted() {
        for (int days : new int[] {0, 30, 365}) {
            assertEquals(List.of(), BuyerRules.violations(withTerms(days), TODAY), days + " days");
        }
        assertEquals(List.of(), BuyerRules.violations(withTerms(null), TODAY));
    }

    @Test
    void termsOutsidePrepaymentToAYearAreRefused() {
        for (int days : new int[] {-1, 366}) {
            assertEquals(List.of(new Violation("paymentTermDays", "must be 0 (prepayment) to 365")),
                    BuyerRules.violations(withTerms(days), TODAY), days + " days");
        }
    }

    @Test
    void buyerFoundedTodayIsAccepted() {
        var d = new BuyerDetails("Globex Trading Ltd.", "DE", "HRB 86891", "DE123456789", "Marktplatz 1, Hamburg", null,
                TODAY, null, null);
        assertEquals(List.of(), BuyerRules.violations(d, TODAY));
    }
}
